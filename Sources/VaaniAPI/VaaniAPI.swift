// VaaniAPI
