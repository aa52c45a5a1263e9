// VaaniSimulator
