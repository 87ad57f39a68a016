package tag

import "strings"

// The contextual rules. Each picks one of a word's candidate tags (rarely
// it forces one) from the tags decided to its left and the first guesses
// to its right. The first pass runs left to right; the second fixes what
// needs both neighbours decided ("that", base-form verbs, adjective heads).
// Every rule is written for dyad; comments give the case it is for.

func disambiguate(ws []word) {
	for i := range ws {
		if ws[i].n > 1 {
			resolve(ws, i)
		}
	}
	for i := range ws {
		fixup(ws, i)
	}
}

// prevSkipAdv is the index of the word before i, skipping adverbs and
// negation ("has never ratified", "could not attend"); -1 if none.
func prevSkipAdv(ws []word, i int) int {
	for j := i - 1; j >= 0; j-- {
		if ws[j].tag.isAdv() || ws[j].kind&kNeg != 0 || ws[j].norm == "no" && j+1 < i && ws[j+1].norm == "longer" {
			continue // also "could no longer tolerate"
		}
		return j
	}
	return -1
}

func tagAt(ws []word, i int) Tag {
	if i < 0 || i >= len(ws) {
		return None
	}
	return ws[i].tag
}

// negBetween reports a negation between j and i (exclusive).
func negBetween(ws []word, j, i int) bool {
	for k := j + 1; k < i; k++ {
		if ws[k].kind&kNeg != 0 {
			return true
		}
	}
	return false
}

// licensed reports whether a base-form verb at i follows a modal, "to",
// do-support or let/make/help.
func licensed(ws []word, i int) bool {
	p := prevSkipAdv(ws, i)
	if p < 0 {
		return false
	}
	pw := &ws[p]
	switch {
	case pw.tag == MD:
		return true
	case pw.tag == TO:
		// "according to state media" is a preposition.
		if p > 0 {
			switch ws[p-1].norm {
			case "according", "due", "prior", "thanks", "owing", "next", "close", "contrary", "opposed":
				return false
			}
		}
		return true
	case pw.kind&kDo != 0 && pw.tag.isVerb():
		return negBetween(ws, p, i) || p == i-1 && i+1 < len(ws) && !ws[i+1].tag.isPunct()
	case pw.kind&kLetMake != 0 && pw.tag.isVerb():
		return p == i-1 // "help end the war"
	}
	// "let U.N. inspectors reinstall", "helped Kyiv repel": a short noun
	// phrase between let/help and the verb.
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		t := ws[j].tag
		if ws[j].kind&kLetMake != 0 && t.isVerb() {
			return j < i-1
		}
		if !(t.isNoun() || t == PRP || t == DT || t == JJ || t == CD || t == POS || t == PRPS) {
			return false
		}
	}
	return false
}

func isSubject(w *word) bool {
	switch w.tag {
	case PRP:
		return w.kind&kSubjPro != 0
	case WDT, WP, EX:
		return true
	}
	return false
}

// startsObject: tags that begin the object or complement of a verb.
func startsObject(t Tag) bool {
	switch t {
	case DT, PRPS, PRP, CD, TO, NNP, NNPS, PDT, RB:
		return true
	}
	return false
}

// lastFinite is the index of the nearest finite verb before i, or -1.
func lastFinite(ws []word, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch ws[j].tag {
		case VBD, VBZ, VBP, MD:
			return j
		case Period:
			return -1
		}
	}
	return -1
}

// verbBefore finds the nearest verb before i within the clause, for
// coordination ("arrived ... and met").
func verbBefore(ws []word, i int) int {
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		t := ws[j].tag
		if t.isVerb() || t == MD {
			return j
		}
		if t == Period || t == Colon {
			return -1
		}
	}
	return -1
}

func resolve(ws []word, i int) {
	w := &ws[i]
	next := tagAt(ws, i+1)
	var nextW *word
	if i+1 < len(ws) {
		nextW = &ws[i+1]
	}
	var prevW *word
	if i > 0 {
		prevW = &ws[i-1]
	}
	p := prevSkipAdv(ws, i)
	var pw *word
	if p >= 0 {
		pw = &ws[p]
	}

	// Clitics and words with rules of their own.
	switch w.norm {
	case "'s":
		// "he's going", "it's" -> is; "China's" -> possessive.
		if pw != nil && (isSubject(pw) || pw.kind&(kDemo) != 0 || pw.norm == "there" || pw.norm == "here" || pw.norm == "what" || pw.norm == "who") ||
			nextW != nil && (next == VBG || nextW.kind&kNeg != 0 || nextW.norm == "been") {
			w.choose(VBZ)
		} else {
			w.choose(POS)
		}
		return
	case "'d":
		if n := i + 1; n < len(ws) && (ws[n].tag == VBN || ws[n].has(VBN) && ws[n].tag == VBD) {
			w.choose(VBD)
		} else {
			w.choose(MD)
		}
		return
	case "her":
		// "accused her of", "told her that"; "her death".
		if nextW == nil || next.isNoun() || next.isAdj() || next == CD || next == VBG && i+2 < len(ws) && ws[i+2].tag.isNoun() {
			w.choose(PRPS)
		} else {
			w.choose(PRP)
		}
		return
	case "since":
		// "have since reached": an adverb inside a perfect.
		if prevW != nil && prevW.kind&kHave != 0 && nextW != nil && nextW.has(VBN) {
			w.choose(RB)
			return
		}
	case "early", "late":
		// "early on Friday", "late on Monday"
		if nextW != nil && next == IN && (i+2 < len(ws) && (ws[i+2].tag == NNP || ws[i+2].tag == DT || ws[i+2].tag == CD)) && w.choose(RB) {
			return
		}
	case "once":
		// "once the truce ended" opens a clause; "met once" is an adverb.
		if nextW != nil && (next == DT || next == PRP || next == PRPS || next == NNP) {
			w.choose(IN)
		} else {
			w.choose(RB)
		}
		return
	case "there", "There":
		if nextW != nil && (nextW.kind&(kBe|kGet) != 0 || next == MD) {
			w.choose(EX)
		} else {
			w.choose(RB)
		}
		return
	}
	if w.kind&kThat != 0 {
		return // decided in fixup, once its right neighbour is known
	}

	// A capitalised adjective before a common noun: "Western attempts",
	// "an Arctic prison"; not inside a name ("European Union leaders").
	if w.tag == NNP && w.adjLower && nextW != nil && !nextW.cap && nextW.set&(1<<NN|1<<NNS) != 0 && (prevW == nil || !(prevW.cap && prevW.tag == NNP)) {
		w.choose(JJ)
		return
	}

	// An adverb between a subject and its verb: "he further said".
	if w.tag == JJ && w.has(RB) && prevW != nil && (prevW.tag == PRP || prevW.tag.isNoun()) && (next == VBD || next == VBZ || next == VBP || next == MD) {
		w.choose(RB)
		return
	}

	// Pre-determiners: "all the", "both his".
	if w.has(PDT) && (next == DT || next == PRPS) {
		w.choose(PDT)
		return
	}

	open := openClass(w.tag)
	// A base form after a modal, "to" or "did not": "will make", "to attack".
	if open && w.set&(1<<VB|1<<VBP) != 0 && licensed(ws, i) {
		w.tag = VB
		return
	}
	if pw != nil {
		// Perfect: "have maintained", "has never ratified".
		if pw.kind&kHave != 0 && pw.tag.isVerb() && w.choose(VBN) {
			return
		}
		// Passive and progressive: "was attacked", "is being held",
		// "were injured", "are meeting".
		if pw.kind&(kBe|kGet) != 0 && pw.tag.isVerb() {
			if (w.tag.isVerb() && w.tag != VBG || w.tag == JJ && next == IN && nextW.kind&kBy != 0) && w.choose(VBN) {
				return // also "had been cut"
			}
			if w.tag == NN && pw.kind&kBe != 0 && p == i-1 && next == TO && w.choose(JJ) {
				return // "are right to feel"
			}
			if w.tag == NN && pw.kind&kBe != 0 && p == i-1 && w.choose(VBG) {
				return
			}
		}
	}
	// Agent phrase: "a statement issued by", "vetoed by".
	if nextW != nil && nextW.kind&kBy != 0 && w.kind&kSay == 0 && (w.tag == VBD || w.tag == VBN || w.tag == JJ) && tagAt(ws, i+2) != VBG && w.choose(VBN) {
		return
	}

	// After a determiner, possessive, adjective or number: a noun or a
	// modifier. "the attack", "his visit", "China's strikes", "two talks".
	if prevW != nil && nominalContext(ws, i) {
		switch w.tag {
		case VB, VBP:
			if w.choose(NN) || w.choose(NNS) {
				return
			}
		case VBZ:
			if w.choose(NNS) {
				return
			}
		case VBG:
			if next.isNoun() && (w.choose(JJ) || true) {
				return
			}
			if (prevW.tag == CD || prevW.tag == DT && prevW.kind&kArticle != 0 && !articleOnly(prevW.norm)) && (next == IN || startsObject(next) || next.isAdj()) {
				break // "the Boeing 777 flying from", "some waving flags"; not "one crossing,"
			}
			if w.choose(NN) {
				return
			}
		case VBD, VBN:
			if prevW.tag == CD {
				break
			}
			if next.isNoun() || next.isAdj() {
				if !w.choose(JJ) {
					w.choose(VBN)
				}
				return
			}
			if w.choose(NN) || w.choose(NNS) {
				return
			}
		}
	}

	// A participle clause: ", ruling that ...", ", sinking the vessel".
	if w.has(VBG) && openClass(w.tag) && prevW != nil && prevW.tag == Comma && (startsObject(next) || next == IN) && w.choose(VBG) {
		return
	}
	// Coordinated participles: "ending decades of ... and doubling the".
	if w.has(VBG) && w.tag != VBG && openClass(w.tag) && prevW != nil && prevW.tag == CC && startsObject(next) {
		if v := verbBefore(ws, i-1); v >= 0 && ws[v].tag == VBG && w.choose(VBG) {
			return
		}
	}
	// After a verb, an -ing word with an object is a gerund or participle:
	// "stop arming the island", "keeps targeting civilians".
	if w.has(VBG) && w.tag != VBG && openClass(w.tag) && prevW != nil && prevW.tag.isVerb() && startsObject(next) && w.choose(VBG) {
		return
	}
	// A gerund after a preposition takes an object: "of rewarding
	// terrorism", "by launching three"; else a noun: "on shipping."
	if w.tag == VBG || (w.tag == NN || w.tag == JJ) && w.has(VBG) && prevW != nil && prevW.tag == IN {
		if prevW != nil && prevW.tag == IN && prevW.kind&kThat == 0 {
			if startsObject(next) || next.isNoun() || next.isAdj() || next == VBN || next == VBG || w.kind&(kSay|kBe) != 0 {
				w.choose(VBG) // also "quoted him as saying.", "after being released"
			} else {
				w.choose(NN)
			}
			return
		}
		if w.tag == VBG && w.has(NN) && insideNP(ws, i) && (next.isPunct() || next == None || next == MD || next == VBD || next == VBZ) {
			w.choose(NN) // "the Rafah crossing"
			return
		}
	}

	switch {
	case w.has(VBD) && w.has(VBN) && (w.tag == VBD || w.tag == VBN):
		resolvePast(ws, i, p)
	case w.tag == JJ && w.has(VBD) && pw != nil && (pw.tag.isNoun() || isSubject(pw)) && (startsObject(next) || next.isNoun()):
		w.choose(VBD) // "the kingdom preferred dialogue"
	case w.tag == NN && w.has(VBD) && pw != nil && (pw.tag == NNS || pw.tag == NNPS || isSubject(pw)) && (startsObject(next) || nextW != nil && strictParticle(nextW.norm)):
		w.choose(VBD) // "fighter jets shot down a warplane"
	case w.tag == JJ && w.has(VBD) && prevW != nil && prevW.tag == JJ && prevW.has(NN) && i >= 2 && (ws[i-2].tag == DT || ws[i-2].tag == POS || ws[i-2].tag == PRPS) && (startsObject(next) || next.isNoun()):
		// "Myanmar's military seized power": the adjective before is the
		// subject noun.
		w.choose(VBD)
		prevW.tag = NN
	case w.has(VBZ) && w.has(NNS) && (w.tag == VBZ || w.tag == NNS):
		// "he strikes", "which bans", "Russia strikes the"; else "air strikes".
		switch {
		case pw != nil && (isSubject(pw) || pw.kind&kRel != 0):
			w.choose(VBZ) // "he strikes", "which bans"
		case pw != nil && pw.kind&(kDemo|kThat) != 0 && (startsObject(next) || next.isNoun() || next.isAdj() || next == VBN || next == VBG):
			w.choose(VBZ) // "that bans nuclear tests"; not "that ties between"
		case prevW != nil && (prevW.tag == NN || prevW.tag == NNP || prevW.tag == Comma) &&
			(startsObject(next) || next == VBG || next == JJ || next == VBN && w.kind&kGet != 0) && !inObject(ws, i):
			// "the enemy keeps targeting", "China stands ready", "Sweden,
			// ..., hopes to join"; not when the noun before is itself an
			// object: "keep communication lines open".
			w.choose(VBZ)
		case prevW != nil && prevW.tag == NNP && prevW.cap && next.isNoun() && !inObject(ws, i):
			w.choose(VBZ) // "Zelensky urges allies"
		case prevW != nil && (prevW.tag == NNS || prevW.tag == NNPS || prevW.tag == IN || prevW.tag.isVerb()):
			w.choose(NNS) // "rejected calls for", "for talks"
		}
	case (w.tag == VB || w.tag == VBP || w.tag == NN || w.tag == NNS) && w.set&(1<<VB|1<<VBP) != 0 && w.set&(1<<NN|1<<NNS) != 0:
		// "they attack", "officials visit the"; else the lexicon's guess.
		switch {
		case pw != nil && (pw.norm == "he" || pw.norm == "she" || pw.norm == "it") && w.has(VBD):
			w.tag = VBD // "he let them go", "it hit the port": not a plural present
		case pw != nil && (isSubject(pw) || pw.kind&(kThat|kRel) != 0 && (startsObject(next) || next == JJ)):
			w.tag = VBP // "they attack"; "which control most"; not "that aid can"
		case prevW != nil && prevW.tag == CC && startsObject(next) && coordVB(ws, i-1):
			w.tag = VB // "withdraw its ambassador and end its cooperation"
		case prevW != nil && prevW.tag == NNS && (startsObject(next) || next == JJ || next == IN && (w.tag != NN || prevW.first)) && !inObject(ws, i):
			w.tag = VBP // "the two militaries exhibit strong momentum"
		case prevW != nil && prevW.tag == TO:
			w.tag = VB
		case prevW != nil && prevW.tag == NN && (w.tag == VB || w.tag == VBP) && insideNP(ws, i) && w.has(NN) && !next.isPunct() && next != None:
			w.tag = NN // "during a phone call on Thursday"
		case prevW != nil && prevW.tag == IN && prevW.kind&kThat == 0 && w.has(NN):
			w.tag = NN // "for support"
		}
	case w.norm == "out" && nextW != nil && nextW.norm == "of":
		w.choose(IN) // "out of"
	case w.has(RP) && prevW != nil && prevW.tag.isVerb() && particle(w.norm):
		// "held up by", "pulled back,", "lay down their arms"; "over",
		// "on", "in" before an object are prepositions.
		if next.isPunct() || next == IN || next == TO || next == CC || next == RB || next == None || strictParticle(w.norm) {
			w.choose(RP)
		}
	}
}

func particle(n string) bool {
	switch n {
	case "up", "down", "out", "off", "back", "away", "over", "on", "in", "around", "about", "through", "along", "aside":
		return true
	}
	return false
}

func strictParticle(n string) bool {
	switch n {
	case "up", "down", "out", "off", "back", "away", "aside":
		return true
	}
	return false
}

// articleOnly: determiners that never stand alone as pronouns.
func articleOnly(n string) bool {
	switch n {
	case "a", "an", "the", "every", "no", "its", "his", "their", "our", "my", "your":
		return true
	}
	return false
}

// openClass: the first guess is a noun, verb or adjective, so the rules may
// move it among those ("still" RB never becomes a verb).
func openClass(t Tag) bool {
	return t.isNoun() || t.isVerb() || t == JJ
}

// coordVB: the verb before the conjunction at c is an infinitive.
func coordVB(ws []word, c int) bool {
	v := verbBefore(ws, c)
	return v >= 0 && ws[v].tag == VB
}

// inObject: the noun phrase that ends before i follows a verb (other than
// one of saying) or a preposition, so i continues it: "keep communication
// lines open", "urging Iranian security forces to stop".
func inObject(ws []word, i int) bool {
	j := i - 1
	for j >= 0 {
		switch t := ws[j].tag; {
		case t.isNoun() || t.isAdj() || t == CD || t == DT || t == PRPS || t == POS:
			j--
			continue
		case t.isVerb():
			return ws[j].kind&kSay == 0
		case t == IN || t == TO:
			return ws[j].kind&kThat == 0
		}
		return false
	}
	return false
}

// insideNP: the words before i up to a determiner are nouns and adjectives.
func insideNP(ws []word, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch t := ws[j].tag; {
		case t.isNoun() || t.isAdj() || t == CD:
			continue
		case t == DT || t == PRPS || t == POS:
			return j < i-1
		default:
			return false
		}
	}
	return false
}

// nominalContext: the word at i follows an article, possessive, adjective
// or number, so it is read as a noun or a modifier.
func nominalContext(ws []word, i int) bool {
	pv := &ws[i-1]
	switch pv.tag {
	case PRPS, POS, WPS, JJ, JJR, JJS, CD, PDT:
		return true
	case VBN, VBG:
		// "a televised address", "the growing threat"
		if i >= 2 {
			switch ws[i-2].tag {
			case DT, PRPS, POS:
				return ws[i-2].kind&kDemo == 0
			}
		}
	case DT:
		if pv.kind&kDemo != 0 {
			// "this means" is a verb, "this attack" a noun.
			return i+1 < len(ws) && !startsObject(ws[i+1].tag) && ws[i+1].tag != IN
		}
		return true
	}
	return false
}

// resolvePast chooses VBD or VBN for a word that can be either.
func resolvePast(ws []word, i, p int) {
	w := &ws[i]
	prevW := &ws[max(i-1, 0)]
	if i > 0 && (prevW.tag == CC || prevW.tag == Comma) {
		// Coordination copies the earlier verb: "arrived ... and met";
		// after a comma with no verb before it is a participle: "The
		// deal, signed in Pretoria, ...".
		if v := verbBefore(ws, i-1); v >= 0 {
			if w.kind&(kHave|kBe) != 0 && w.choose(VBD) {
				return // "... had been frank and had cleared away ..."
			}
			t := ws[v].tag
			if t == VBN {
				a := prevSkipAdv(ws, v)
				switch {
				case a < 0 || ws[a].kind&(kBe|kHave|kGet) == 0:
					// The verb before is a participle of a reduced relative
					// ("a visit planned for Wednesday and advised"): follow
					// the clause's finite verb instead.
					if f := lastFinite(ws, i); f >= 0 {
						t = ws[f].tag
					}
				case ws[a].kind&kBe != 0 && (startsObject(tagAt(ws, i+1)) || tagAt(ws, i+1).isNoun()):
					t = VBD // "was disappointed and rejected the findings"
				case w.kind&kSay != 0:
					t = VBD // "denied that it had left and said ..."
				}
			}
			if t != VBD && t != VBN && prevW.tag == CC {
				if f := lastFinite(ws, i); f >= 0 && ws[f].tag == VBD {
					t = VBD // "said it would not give up Crimea and called on ..."
				}
			}
			// After a comma only a past tense is copied ("arrived, met
			// Zhang and left"); "X, headed by Y, declared" is not a list.
			if (t == VBD || t == VBN && prevW.tag == CC) && w.choose(t) {
				return
			}
		}
		if prevW.tag == Comma && w.kind&kSay == 0 && i+1 < len(ws) && (ws[i+1].tag == IN || ws[i+1].tag == RP || ws[i+1].tag == TO) && clauseAfterComma(ws, i) && w.choose(VBN) {
			return // "The deal, signed in Pretoria, commits ..."
		}
		if prevW.tag == Comma && lastFinite(ws, i) < 0 && w.choose(VBD) {
			return // "Redwan, adviser to Abiy, signed for the government."
		}
	}
	if w.first && i+1 < len(ws) {
		// "Asked about the talks, he said ..."
		switch ws[i+1].tag {
		case IN, TO, RB, Comma:
			w.choose(VBN)
			return
		}
	}
	if p >= 0 {
		pw := &ws[p]
		if pw.tag.isNoun() || pw.tag == PRP || pw.tag == WDT || pw.tag == WP || pw.tag == CD && p == i-1 {
			// Reduced relative after a clause that already has its verb:
			// "rejected calls ... unless hostages held in Gaza were freed".
			if pw.tag.isNoun() && w.kind&(kSay|kHave|kBe) == 0 && i+1 < len(ws) {
				nx := &ws[i+1]
				// "the ships attacked have had", "those affected was"
				if nx.tag == MD || nx.tag == VBZ || nx.tag == VBP || nx.kind&(kBe|kHave) != 0 && nx.tag.isVerb() {
					w.choose(VBN)
					return
				}
				if (nx.tag == IN || nx.tag == TO && !(i+2 < len(ws) && ws[i+2].has(VB))) && nx.kind&kThat == 0 {
					if f := lastFinite(ws, p); f >= 0 && ws[f].kind&kSay == 0 && !relBetween(ws, f, i) || finiteAhead(ws, i+1) {
						w.choose(VBN) // "hostages held in Gaza were", "ships linked to Israel would"
						return
					}
				}
			}
			w.choose(VBD)
			return
		}
	}
	// An object after it: "Wang Yi, held talks", "Somalia, ..., called the
	// deal" (after have/be it was decided before).
	switch tagAt(ws, i+1) {
	case DT, PRPS, NN, NNS, NNP, NNPS, CD, PRP:
		w.choose(VBD)
	}
}

// clauseAfterComma: a comma follows later and a finite verb after it, as
// after a participle phrase set off by commas.
func clauseAfterComma(ws []word, i int) bool {
	for j := i + 1; j < len(ws); j++ {
		if ws[j].tag == Comma {
			return finiteAhead(ws, j+1) || verbAhead(ws, j+1)
		}
	}
	return false
}

func verbAhead(ws []word, i int) bool {
	for j := i; j < len(ws) && ws[j].tag != Period; j++ {
		if t := ws[j].tag; t == VBD || t == VBZ || t == VBP || t == MD {
			return true
		}
	}
	return false
}

// finiteAhead: a modal, present-tense verb or form of be/have comes
// before the clause ends, so a past participle before it is no main verb.
func finiteAhead(ws []word, i int) bool {
	for j := i; j < len(ws); j++ {
		t := ws[j].tag
		switch {
		case t == Period || t == Comma || t == CC || t == Colon || t == WRB || t == WDT || t == WP || ws[j].kind&kThat != 0:
			return false
		case t == MD || t == VBZ || t == VBP || ws[j].kind&(kBe|kHave) != 0 && t.isVerb():
			return true
		}
	}
	return false
}

// relBetween reports a conjunction or comma between j and i: the verb at
// j then belongs to another clause.
func relBetween(ws []word, j, i int) bool {
	for k := j + 1; k < i; k++ {
		if ws[k].tag == CC || ws[k].tag == Comma || ws[k].tag == WRB || ws[k].tag == IN && (subordinator(ws[k].norm) || ws[k].kind&kThat != 0) {
			return true
		}
	}
	return false
}

// subordinator: conjunctions that open a clause with its own subject.
func subordinator(n string) bool {
	switch n {
	case "while", "whereas", "although", "though", "because", "if", "unless", "until", "since", "after", "before", "as", "once":
		return true
	}
	return false
}

// complementNouns take a "that" clause: "warnings that", "the fact that".
func complementNoun(n string) bool {
	switch n {
	case "fact", "warning", "warnings", "claim", "claims", "hope", "hopes", "news", "report", "reports",
		"sign", "signs", "assurance", "assurances", "belief", "fear", "fears", "concern", "concerns",
		"evidence", "statement", "idea", "possibility", "chance", "view", "allegation", "allegations",
		"assessment", "conclusion", "notion", "suggestion", "rumours", "rumors", "insistence", "indication", "indications":
		return true
	}
	return false
}

func fixup(ws []word, i int) {
	w := &ws[i]
	next := tagAt(ws, i+1)
	var prevW *word
	if i > 0 {
		prevW = &ws[i-1]
	}
	switch {
	case w.kind&kThat != 0 && w.n > 1:
		w.tag = thatTag(ws, i)
		return
	case w.norm == "as" && i+2 < len(ws) && ws[i+1].norm == "well" && ws[i+2].norm == "as":
		// "as well as"
		w.tag, ws[i+1].tag, ws[i+2].tag = RB, RB, IN
		return
	}
	switch w.tag {
	case VB:
		// A base form with no modal, "to" or do-support after a subject
		// is present tense: "they support", "officials say".
		if !licensed(ws, i) {
			if pv := prevW; pv != nil && (pv.tag == VBD || pv.tag == VBZ || pv.tag == VBP) && pv.kind&(kDo|kLetMake|kBe|kHave|kGet) == 0 && w.has(NN) {
				w.tag = NN // "fired tear gas"
				break
			}
			if p := prevSkipAdv(ws, i); p >= 0 && w.norm != "be" && (isSubject(&ws[p]) || ws[p].tag == NNS || ws[p].tag == NNPS || ws[p].tag == NNP || ws[p].tag == DT && ws[p].kind&kArticle == 0) {
				w.tag = VBP // "officials say", "Both remain"; "that they not be" stays VB
			}
		}
	case VBP:
		if licensed(ws, i) {
			w.tag = VB
		}
	case JJ:
		// The head of a noun phrase: "the military said", "a Chinese
		// military official" stays an adjective.
		if w.has(NN) && prevW != nil && prevW.norm != "each" && (prevW.tag == DT && prevW.kind&kThat == 0 || prevW.tag == JJ || prevW.tag == PRPS || prevW.tag == POS || prevW.tag == NN) &&
			!(next.isNoun() || next.isAdj() || next == CD || next == VBG || next == VBN || next == CC) {
			w.tag = NN
		}
		// A title before a name: "police chief Hossein Rahimi".
		if w.has(NN) && next == NNP && i+1 < len(ws) && ws[i+1].cap && !w.cap && prevW != nil && prevW.tag.isNoun() {
			w.tag = NN
		}
		// A hyphenated noun at the end of its phrase: "calm and
		// de-escalation.", "military non-alignment in".
		if w.has(NN) && strings.IndexByte(w.text, '-') > 0 && (next.isPunct() || next == IN || next == CC || next == None) {
			w.tag = NN
		}
		// A prefixed name inside a name: "53rd Anti-Aircraft Missile Brigade".
		if w.cap && w.has(NNP) && strings.IndexByte(w.text, '-') > 0 && next == NNP && i+1 < len(ws) && ws[i+1].cap {
			w.tag = NNP
		}
		// Capitalised inside a name: "Deputy Foreign Minister".
		if w.cap && !w.first && w.has(NNP) && next == NNP && prevW != nil && prevW.tag == NNP {
			w.tag = NNP
		}
	}
	// Sentence-initial common word opening a name: "Defense Minister Li",
	// "Prime Minister Narendra Modi".
	if (w.viaLower && w.tag == JJ || (w.viaLower || w.first && w.cap) && (w.tag == NN || w.tag == NNS)) && i+1 < len(ws) && ws[i+1].cap && (next == NNP || next == NNPS) {
		if w.tag == NNS {
			w.tag = NNPS
		} else {
			w.tag = NNP
		}
	}
}

func thatTag(ws []word, i int) Tag {
	if i+1 >= len(ws) {
		return DT
	}
	nx := &ws[i+1]
	if nx.tag.isPunct() && nx.tag != LQuote && nx.tag != LRB || nx.tag == CC {
		return DT // "said that." / "that, ..."
	}
	after := tagAt(ws, i+2)
	nounNext := (nx.tag == NN || nx.tag == NNS || nx.tag == JJ) && !after.isVerb() && after != MD && after != POS
	newSubject := nx.tag == DT || nx.tag == PRP || nx.tag == NNP || nx.tag == NNPS || nx.tag == PRPS || nx.tag == EX || nx.tag == LQuote || nx.tag == CD
	if i == 0 || ws[i].first {
		if nx.tag.isVerb() || nx.tag == MD || nounNext {
			return DT // "That is ...", "That treaty ..."
		}
		return IN
	}
	pv := &ws[i-1]
	switch {
	case pv.kind&kSay != 0:
		return IN // "warned that large-scale drills ..."
	case pv.tag.isVerb() || pv.tag == JJ || pv.tag == RB || pv.norm == "so" || pv.norm == "such":
		if nounNext && pv.tag.isVerb() {
			return DT // "rejected that proposal"
		}
		return IN // "ensure that Moscow ..."
	case pv.tag.isNoun() || pv.tag == CD || pv.tag == PRP || pv.tag == Comma && i >= 2 && ws[i-2].tag.isNoun():
		if complementNoun(pv.norm) {
			return IN
		}
		if sayBefore(ws, i) && (newSubject || !(nx.tag.isVerb() || nx.tag == MD || nx.tag == RB)) {
			return IN // "told reporters (in Doha) that (aid trucks) ..."
		}
		if nounNext && pv.tag == Comma {
			return DT
		}
		return WDT // "the treaty that bans", "one that landed"
	case pv.tag == CC:
		if sayBefore(ws, i) {
			return IN // "said ... but that ..."
		}
	case pv.tag == IN:
		return DT // "in that region", "of that"
	}
	if nounNext {
		return DT
	}
	return IN
}

// sayBefore reports a verb of saying among the few words before i.
func sayBefore(ws []word, i int) bool {
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		if ws[j].kind&kSay != 0 && ws[j].tag.isVerb() {
			return true
		}
		if ws[j].tag == Period {
			break
		}
	}
	return false
}
