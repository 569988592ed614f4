// Package legal owns the vocabulary of administrative law that every other
// package shares: a reference to a provision (Ref), how a case is or should
// be disposed of (Disposition) and the enforcement fields (Sector).
//
// It sits below rules and corpus (which are siblings and must not import
// each other), so it imports nothing of this module.
package legal
