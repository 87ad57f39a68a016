// Package textspace folds the white space of text spans (names, phrases,
// cues) without copying the common case. It is shared by the quote and
// source stages.
package textspace
