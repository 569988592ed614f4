// Package casework holds a case as an agency works it: the people and their
// roles (User, Role), the case and its life from 立案 to 结案 (Case, Stage,
// Action and the one transition table), its evidence files (Evidence), and
// the full-process record (全过程记录) that every change appends to, hash
// chained and checkpointed (Entry, Checkpoint).
//
// Service is the use case: every method takes the acting user, checks what
// their role and agency allow, and makes the change and its log entry in one
// store transaction. Store is the storage it needs; the embedded (bbolt) and
// PostgreSQL adapters live in subpackages and pass one conformance suite.
//
// The package never imports fiber, the analysis or the statute corpus: an
// analysis is attached to a case as the JSON the API produced.
package casework
