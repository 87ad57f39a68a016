// Command dyad codes news text into political event data.
//
// This package holds flags and wiring only: each subcommand lives in a
// file of its own (code.go, sentences.go, …) as a run function over an
// Env, so end-to-end tests drive the real wiring through Main.
package main
