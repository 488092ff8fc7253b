import Testing

@Test func placeholderLinearProgrammingTests() {}
