import Testing

@Test func placeholderCorridorEndToEndTests() {}
