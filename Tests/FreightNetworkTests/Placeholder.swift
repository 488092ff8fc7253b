import Testing

@Test func placeholderFreightNetworkTests() {}
