import Testing

@Test func placeholderScenariosTests() {}
