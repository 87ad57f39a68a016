package data

import "embed"

// FS holds every file one folder or more below data/ (the Go files at the
// top are left out by the pattern). Paths are relative to data/, e.g.
// "actors/countries.txt".
//
//go:embed */*
var FS embed.FS

// Prefix is prepended to embedded file names in positions, so that a rule
// reads "data/actors/countries.txt:12", the file's path in the repository.
const Prefix = "data/"
