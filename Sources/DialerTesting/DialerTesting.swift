// DialerTesting
