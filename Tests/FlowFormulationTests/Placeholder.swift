import Testing

@Test func placeholderFlowFormulationTests() {}
