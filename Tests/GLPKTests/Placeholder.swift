import Testing

@Test func placeholderGLPKTests() {}
