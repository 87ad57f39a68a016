package petrarch

import (
	"strings"
	"testing"
)

// errLines renders messages as "LINE: msg" for literal comparison.
func errLines(r *Result, lossy bool) []string {
	l := r.Skipped
	if lossy {
		l = r.Lossy
	}
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = strings.TrimPrefix(e.Error(), e.File+":")
	}
	return out
}

func tableLines(r *Result) []string {
	out := make([]string, len(r.Lines))
	for i, l := range r.Lines {
		out[i] = l.String()
	}
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot\n\t%s\nwant\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// An actor dictionary of our own in TABARI/PETRARCH format, one feature
// per entry.
const actorSnippet = `<!-- a header comment
   over two lines -->
<! -- a one-line comment in the TABARI style -->
# a hash comment
[NLD]
+ORPHAN
NORTHLAND_ [NLD] # trailing comment
+NORTHLANDER
+NORTHLANDERS ; a TABARI comment
SOUTH_MARCHES [SMA]
+SOUTH_MARCHESIAN
PORT_ESTRAGON
	[SMAGOV]
THE_GREY_COUNCIL [IGOGRC]
MIDDLE ORDER [ngo]
LEAGUE_OF_THE_RIVER [IGORIVCOPSEC]
BLACK_HAND [IMGREB]
ASH_BRIGADE [NLDREBMIL]
OLD_KINGDOM
	[OKD <851231]
	[NLD]
ALMA_VOSS
+VOSS_THE_ELDER
	[NLDELI <19991231]
	[NLDGOV 20000101-20041231]
	[NLDMIL 20030101-20091231]
	[NLDELI >20100101]
BRAM_ODDI [NLD]
	[NLDGOV 000601-020531]
TWIN_CITIES [NLD/SMA]
NOBODY [---]
CHANGED_NAME
	[--- <19900101]
	[SMA]
WEIRDCODE [+++]
GROUP_OF_SEVEN [G7X]
NO_CODE_HERE
AL-ZARQ_FRONT [SMAREB]
U.N._MISSION [IGOUNO]
ERC [NLDMED]
	[NLDGOV]
---STOP---
AFTER_STOP [XXX]
`

func TestConvertActors(t *testing.T) {
	r, err := ConvertActors("a.txt", []byte(actorSnippet), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "table", tableLines(r), []string{
		"NLD\tcountry\tNorthland",
		"NLD\tadj\tNorthlander|Northlanders",
		"SMA\tcountry\tSouth Marches",
		"SMA\tadj\tSouth Marchesian",
		"SMAGOV\tgroup\tPort Estragon",
		"IGOGRC\torg\tthe Grey Council",
		"NGO\torg\tMiddle Order",
		"IGORIV\torg\tLeague of the River",
		"IMGREB\tgroup\tBlack Hand",
		"NLDREB\tgroup\tAsh Brigade",
		"OKD\tcountry\tOld Kingdom\t\t1985-12-31",
		"NLD\tcountry\tOld Kingdom\t1986-01-01\t",
		"NLDELI\tperson\tAlma Voss|Voss the Elder\t\t1999-12-31",
		"NLDGOV\tperson\tAlma Voss|Voss the Elder\t2000-01-01\t2004-12-31",
		"NLDMIL\tperson\tAlma Voss|Voss the Elder\t2005-01-01\t2009-12-31",
		"NLDELI\tperson\tAlma Voss|Voss the Elder\t2010-01-01\t",
		"NLD\tperson\tBram Oddi\t\t2000-05-31",
		"NLDGOV\tperson\tBram Oddi\t2000-06-01\t2002-05-31",
		"NLD\tperson\tBram Oddi\t2002-06-01\t",
		"NLD\tcountry\tTwin Cities",
		"SMA\tcountry\tChanged Name\t1990-01-02\t",
		"SMAREB\tgroup\tal-Zarq Front",
		"IGOUNO\torg\tU.N. Mission",
		"NLDGOV\tgroup\tERC",
	})
	sameLines(t, "skipped", errLines(r, false), []string{
		"5: code \"[NLD]\" before any entry",
		"6: synonym \"+ORPHAN\" before any entry",
		"31: entry \"NOBODY\" has only the null code [---] (known, not coded): dyad has no uncoded entries",
		"35: code [+++]: dyad codes are letters A-Z only (PETRARCH's special codes +++, ### and codes with digits have no dyad form)",
		"35: entry \"WEIRDCODE\" has no code dyad can use",
		"36: code [G7X]: dyad codes are letters A-Z only (PETRARCH's special codes +++, ### and codes with digits have no dyad form)",
		"36: entry \"GROUP_OF_SEVEN\" has no code dyad can use",
		"37: entry \"NO_CODE_HERE\" has no code",
		"40: default code [NLDMED] replaced by the later default [NLDGOV]",
	})
	sameLines(t, "lossy", errLines(r, true), []string{
		"15: code ngo read in capitals as NGO",
		"15: phrase \"MIDDLE ORDER\": PETRARCH lets other words stand between words joined by a space; dyad matches them side by side",
		"16: code IGORIVCOPSEC: dyad keeps the root and first agent, IGORIV (drops COPSEC)",
		"18: code NLDREBMIL: dyad keeps the root and first agent, NLDREB (drops MIL)",
		"30: code NLD/SMA names several actors: dyad keeps the first, NLD",
		"33: null code [---] on these dates: dyad has no uncoded entry and will use the entry's nearest dated code there",
	})
	// Lines 1-4 are comments, 42 stops the file; a line with any part not
	// converted counts as skipped (40: ERC's first default).
	if r.Read != 37 || r.SkippedLines != 7 || r.LossyLines != 5 || r.Converted != 25 {
		t.Errorf("counts: read %d, skipped %d, lossy %d, converted %d; want 37, 7, 5, 25", r.Read, r.SkippedLines, r.LossyLines, r.Converted)
	}
}

func TestConvertActorsForcedKind(t *testing.T) {
	r, err := ConvertActors("a.txt", []byte("ARDA [ARD]\n+ARDAN\nTULKAS [ARDMIL]\n"), Options{Kind: "person"})
	if err != nil {
		t.Fatal(err)
	}
	sameLines(t, "table", tableLines(r), []string{
		"ARD\tperson\tArda|Ardan",
		"ARDMIL\tperson\tTulkas",
	})
	if _, err := ConvertActors("a.txt", nil, Options{Kind: "agent"}); err == nil {
		t.Error("kind agent for actor entries: want an error")
	}
	if err := (Options{Kind: "nation"}).Check(); err == nil {
		t.Error("kind nation: want an error")
	}
}

// An agent dictionary of our own in PETRARCH format.
const agentSnippet = `<!-- AGENTS -->
!CLERK! = CLERK, CLERKS, CLERKESS
!MARK! = MARKMAN , MARKMEN
CHIEF_JUSTICE [~JUD]
TAX_AUTHORITY [~GOV] # -ies after a consonant and y
CUSTOMS_BOSS [~GOV]  # -es after s
ENVOY [~GOV]  # -s after a vowel and y
RIVER_POLICE {} [ ~COP]
WARDEN {WARDENRY} [~COP]
HEAD !CLERK! [~GOVADM]
BORDER!MARK! [~MIL]
RELIEF_AGENCY [NGO~]
HOLY_ORDER [~RELCTH]
CHURCH_WARDEN [~CTHREL]
GOLDEN_HARP [~HRP]
LOST_TRIBE [~X1Y]
BARE_WORD
SCRIBE [GOV]
!NOPE!_OFFICER [~GOV]
<Combine rule = "GOVMIL => MIL">
<CombineBlock>
REBOPP +> REB
</CombineBlock>
CAPITAL_GUARD {CAPITAL_GUARDS [~MIL]
`

func TestConvertAgents(t *testing.T) {
	r := ConvertAgents("g.txt", []byte(agentSnippet))
	sameLines(t, "table", tableLines(r), []string{
		"JUD\tagent\tchief justice|chief justices",
		"GOV\tagent\ttax authority|tax authorities",
		"GOV\tagent\tcustoms boss|customs bosses",
		"GOV\tagent\tenvoy|envoys",
		"COP\tagent\triver police",
		"COP\tagent\twarden|wardenry",
		"GOV\tagent\thead clerk|head clerks|head clerkess",
		"MIL\tagent\tbordermarkman|bordermarkmen",
		"NGO\tagent\trelief agency|relief agencies",
		"REL\tagent\tholy order|holy orders",
		"REL\tagent\tchurch warden|church wardens",
	})
	sameLines(t, "skipped", errLines(r, false), []string{
		"15: agent code [HRP]: no CAMEO agent code dyad knows in it (GOV, MIL, COP, JUD, LEG, OPP, REB, MED, BUS, CVL, REF, SPY, ELI, …)",
		"16: agent code [X1Y]: dyad codes are letters A-Z only",
		"17: agent without a [code]",
		"18: agent code [GOV]: want [~CODE] or [CODE~]",
		"19: substitution set !NOPE! is not defined before its use",
		"20: agent combination rule: dyad has none (keeps one agent per role phrase)",
		"21: agent combination rule: dyad has none (keeps one agent per role phrase)",
		"22: agent combination rule: dyad has none (keeps one agent per role phrase)",
		"23: agent combination rule: dyad has none (keeps one agent per role phrase)",
		"24: '{' without '}'",
	})
	sameLines(t, "lossy", errLines(r, true), []string{
		"10: agent code GOVADM: dyad keeps one agent, GOV",
		"10: phrase \"HEAD CLERK\": PETRARCH lets other words stand between words joined by a space; dyad matches them side by side",
		"10: phrase \"HEAD CLERKS\": PETRARCH lets other words stand between words joined by a space; dyad matches them side by side",
		"10: phrase \"HEAD CLERKESS\": PETRARCH lets other words stand between words joined by a space; dyad matches them side by side",
		"12: prefix agent [NGO~]: dyad writes the agent after the country (XXXNGO where PETRARCH writes NGOXXX)",
		"13: agent code RELCTH: dyad keeps one agent, REL",
		"14: agent code CTHREL: dyad keeps one agent, REL",
	})
	// Line 1 is a comment; the substitution sets (2, 3) convert.
	if r.Read != 23 || r.SkippedLines != 10 || r.LossyLines != 4 || r.Converted != 9 {
		t.Errorf("counts: read %d, skipped %d, lossy %d, converted %d; want 23, 10, 4, 9", r.Read, r.SkippedLines, r.LossyLines, r.Converted)
	}
}

func TestNameCase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"GONDOR", "Gondor"},
		{"MINAS_TIRITH", "Minas Tirith"},
		{"THE_HERMIT_KINGDOM", "the Hermit Kingdom"},
		{"THE", "THE"}, // an acronym by its form; the conversion refuses it as only an article
		{"GROUP OF 77", "Group of 77"},
		{"RADAGAST THE_BROWN", "Radagast the Brown"},
		{"IMF", "IMF"},
		{"UN_", "UN"},
		{"USSR", "Ussr"},
		{"U.S.", "U.S."},
		{"K.U.", "K.U."},
		{"PRESIDENT_GEORGE_W._BUSH", "President George W. Bush"},
		{"BARAD-DUR", "Barad-Dur"},
		{"AL-QAEDA", "al-Qaeda"},
		{"AL_QAEDA", "Al Qaeda"},
		{"OSAMA_BIN_LADEN", "Osama bin Laden"},
		{"O'NEILL", "O'Neill"},
		{"McGonagall", "McGonagall"},
		{"G7", "G7"},
	} {
		if got := nameCase(readWords(c.in)); got != c.want {
			t.Errorf("nameCase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAgentCase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"FOREIGN_MINISTER", "foreign minister"},
		{"MSF", "MSF"},
		{"UN_ENVOY", "un envoy"},
		{"U.N._ENVOY", "U.N. envoy"},
		{"Special Rapporteur", "Special Rapporteur"},
	} {
		if got := agentCase(readWords(c.in)); got != c.want {
			t.Errorf("agentCase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func readWords(s string) []string {
	p, err := readPhrase(s, 1)
	if err != "" {
		panic(err)
	}
	return p.Words
}

func TestPluralOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"MINISTER", "MINISTERS"}, {"AUTHORITY", "AUTHORITIES"}, {"ATTORNEY", "ATTORNEYS"},
		{"BOSS", "BOSSES"}, {"TAX", "TAXES"}, {"CHURCH", "CHURCHES"}, {"police", "polices"},
		{"body", "bodies"},
	} {
		if got := pluralOf(c.in); got != c.want {
			t.Errorf("pluralOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		err  bool
	}{
		{"950601", 19950601, false}, {"300101", 20300101, false}, {"310101", 19310101, false},
		{"20130119", 20130119, false}, {"20120229", 20120229, false}, {"20130229", 0, true},
		{"9506", 0, true}, {"95O601", 0, true}, {"19951301", 0, true},
	} {
		got, err := readDate(c.in)
		if got != c.want || (err != "") != c.err {
			t.Errorf("readDate(%q) = %d, %q; want %d, error %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestSpans(t *testing.T) {
	// First restriction wins: a later one keeps only the days left.
	d := func(ymdv int) int { return dayNum(ymdv) }
	cov := union(nil, span{d(20100101), d(20100131)})
	got := subtract(span{d(20091201), d(20100301)}, cov)
	if len(got) != 2 || ymd(got[0].lo) != 20091201 || ymd(got[0].hi) != 20091231 ||
		ymd(got[1].lo) != 20100201 || ymd(got[1].hi) != 20100301 {
		t.Errorf("subtract: %v", got)
	}
	cov = union(cov, span{d(20100201), maxDay})
	if len(cov) != 1 || ymd(cov[0].lo) != 20100101 || cov[0].hi != maxDay {
		t.Errorf("union of adjacent spans: %v", cov)
	}
	if free := subtract(span{minDay, maxDay}, cov); len(free) != 1 || free[0].lo != minDay || ymd(free[0].hi) != 20091231 {
		t.Errorf("complement: %v", free)
	}
}
