package where

import (
	"unicode"
	"unicode/utf8"
)

// Key is the lookup form of a place name: lower case, Latin diacritics
// removed ("Kraków" = "krakow", "Đà Nẵng" = "da nang"), curly quotes and
// modifier apostrophes folded to ', dashes to -, and runs of white space
// to one space, trimmed. Names and text are compared by Key, so that
// "KYIV", "Kyiv" and "Kyïv" meet while "Sana'a" and "Sanaa" stay apart
// (the gazetteer lists both where GeoNames does).
func Key(s string) string { return string(AppendKey(nil, s)) }

// AppendKey appends Key(s) to dst, without allocating when dst has room.
func AppendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a space is pending
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				space = true
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = appendFolded(dst, r)
	}
	return dst
}

// appendFolded appends the lower-case, accent-free form of one non-ASCII rune.
func appendFolded(dst []byte, r rune) []byte {
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return append(dst, byte(r)) // "K" (Kelvin sign) and the like
	}
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bb', '\u02bc', '\u02be', '\u02bf', '\u00b4':
		return append(dst, '\'')
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb':
		return append(dst, '"')
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return append(dst, '-')
	case 'ß', 'ẞ':
		return append(dst, 's', 's')
	case 'Æ', 'æ':
		return append(dst, 'a', 'e')
	case 'Œ', 'œ':
		return append(dst, 'o', 'e')
	case 'Þ', 'þ':
		return append(dst, 't', 'h')
	}
	if f, ok := foldTable[r]; ok {
		return append(dst, f)
	}
	if 0x1E00 <= r && r <= 0x1EFF {
		if f := foldExtendedAdditional(r); f != 0 {
			return append(dst, f)
		}
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// foldTable maps Latin letters with diacritics (Latin-1 Supplement,
// Latin Extended-A and the common Extended-B letters) to their base
// letter in lower case.
var foldTable = func() map[rune]byte {
	m := make(map[rune]byte, 320)
	add := func(base byte, letters string) {
		for _, r := range letters {
			m[r] = base
		}
	}
	add('a', "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǺǻȀȁȂȃȦȧ")
	add('c', "ÇçĆćĈĉĊċČč")
	add('d', "ĎďĐđÐð")
	add('e', "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩ")
	add('g', "ĜĝĞğĠġĢģǦǧ")
	add('h', "ĤĥĦħ")
	add('i', "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋ")
	add('j', "Ĵĵ")
	add('k', "Ķķĸ")
	add('l', "ĹĺĻļĽľĿŀŁł")
	add('n', "ÑñŃńŅņŇňŉŊŋ")
	add('o', "ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒǾǿȌȍȎȏȪȫȮȯ")
	add('r', "ŔŕŖŗŘřȐȑȒȓ")
	add('s', "ŚśŜŝŞşŠšȘș")
	add('t', "ŢţŤťŦŧȚț")
	add('u', "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗ")
	add('w', "Ŵŵ")
	add('y', "ÝýÿŶŷŸȲȳ")
	add('z', "ŹźŻżŽžƵƶ")
	return m
}()

// foldExtendedAdditional folds Latin Extended Additional (U+1E00-U+1EFF,
// mostly Vietnamese) to base letters; 0 when the rune is not a letter
// with a known base.
func foldExtendedAdditional(r rune) byte {
	switch {
	case 0x1EA0 <= r && r <= 0x1EB7:
		return 'a'
	case 0x1EB8 <= r && r <= 0x1EC7:
		return 'e'
	case 0x1EC8 <= r && r <= 0x1ECB:
		return 'i'
	case 0x1ECC <= r && r <= 0x1EE3:
		return 'o'
	case 0x1EE4 <= r && r <= 0x1EF1:
		return 'u'
	case 0x1EF2 <= r && r <= 0x1EF9:
		return 'y'
	}
	for _, b := range extAddBases {
		if b.lo <= r && r <= b.hi {
			return b.b
		}
	}
	return 0
}

// extAddBases: U+1E00-U+1E9F pair upper and lower case in alphabetical blocks.
var extAddBases = []struct {
	lo, hi rune
	b      byte
}{
	{0x1E00, 0x1E01, 'a'}, {0x1E02, 0x1E07, 'b'}, {0x1E08, 0x1E09, 'c'}, {0x1E0A, 0x1E13, 'd'},
	{0x1E14, 0x1E1D, 'e'}, {0x1E1E, 0x1E1F, 'f'}, {0x1E20, 0x1E21, 'g'}, {0x1E22, 0x1E2B, 'h'},
	{0x1E2C, 0x1E2F, 'i'}, {0x1E30, 0x1E35, 'k'}, {0x1E36, 0x1E3D, 'l'}, {0x1E3E, 0x1E43, 'm'},
	{0x1E44, 0x1E4B, 'n'}, {0x1E4C, 0x1E53, 'o'}, {0x1E54, 0x1E57, 'p'}, {0x1E58, 0x1E5F, 'r'},
	{0x1E60, 0x1E69, 's'}, {0x1E6A, 0x1E71, 't'}, {0x1E72, 0x1E7B, 'u'}, {0x1E7C, 0x1E7F, 'v'},
	{0x1E80, 0x1E89, 'w'}, {0x1E8A, 0x1E8D, 'x'}, {0x1E8E, 0x1E8F, 'y'}, {0x1E90, 0x1E95, 'z'},
	{0x1E96, 0x1E96, 'h'}, {0x1E97, 0x1E97, 't'}, {0x1E98, 0x1E98, 'w'}, {0x1E99, 0x1E99, 'y'},
}
