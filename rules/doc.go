// Package rules is cailiang's discretion engine. It loads the benchmark
// catalog (裁量基准, YAML written by an agency's legal office, documented in
// docs/benchmarks.md), applies the national rules of 行政处罚法 first
// (limitation, 不予处罚, 从轻或者减轻, 一事不再罚款, hearing rights) and then the
// benchmark's brackets, circumstance factors and level split, and returns a
// penalty suggestion with every step cited. It also owns the criminal-
// transfer assessment (crimes catalog, measures, procedure) and turns fact
// extraction (package nlp) into typed Facts (ExtractFacts). It is pure Go
// with no I/O after loading.
package rules
