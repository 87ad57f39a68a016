package actor

import "github.com/dyadproject/dyad"

// IsEventActor reports whether a mention may be the source or target of an
// event: news outlets (Kind media) are provenance and capitals used as
// locations (Kind place) are places, so neither is.
func IsEventActor(m dyad.Mention) bool {
	return m.Kind != dyad.MentionMedia && m.Kind != dyad.MentionPlace
}

// Members returns the indexes in ms of the actors a compound mention
// stands for: the mentions inside "China and Russia", or, for "the two
// militaries", those of the compound it refers back to. For any other
// mention it returns i alone (a pronoun that refers to a compound returns
// that compound's members).
func Members(ms []dyad.Mention, i int) []int {
	for range ms { // bounded: antecedent chains cannot loop past len(ms)
		m := ms[i]
		if m.Kind != dyad.MentionCompound || m.Antecedent >= 0 {
			if m.Antecedent >= 0 && (m.Kind == dyad.MentionCompound || ms[m.Antecedent].Kind == dyad.MentionCompound) {
				i = m.Antecedent
				continue
			}
			return []int{i}
		}
		var out []int
		for j := i + 1; j < len(ms) && ms[j].Start < m.End; j++ {
			o := ms[j]
			if !m.Span.Contains(o.Span) || o.Kind == dyad.MentionCompound || !IsEventActor(o) {
				continue
			}
			if len(out) > 0 && ms[out[len(out)-1]].Span.Contains(o.Span) {
				continue // inside a member
			}
			out = append(out, j)
		}
		return out
	}
	return []int{i}
}

// MemberActors returns the actors of Members(ms, i); a group word's agent
// ("the two militaries": MIL) replaces the members' own.
func MemberActors(ms []dyad.Mention, i int) []dyad.Actor {
	agent := ""
	if ms[i].Kind == dyad.MentionCompound {
		agent = ms[i].Actor.Agent
	}
	var out []dyad.Actor
	for _, j := range Members(ms, i) {
		a := ms[j].Actor
		if agent != "" && a.Country != "" {
			a.Agent = agent
			a.Code = a.Country + agent
		}
		out = append(out, a)
	}
	return out
}
