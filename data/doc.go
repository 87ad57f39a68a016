// Package data embeds dyad's dictionaries and code tables: the versioned
// text files in the folders beside this one. It holds no logic; the
// packages that own each table load it through package dict. Where each
// table comes from, and its license, is in data/README.md and in a
// PROVENANCE file inside each folder.
package data
