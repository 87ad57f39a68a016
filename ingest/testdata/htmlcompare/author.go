package main

import "github.com/dyadproject/dyad/ingest"

func author(p ingest.Page) string { return p.Author }
