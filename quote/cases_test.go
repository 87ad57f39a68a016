package quote

// quoteCases are the table of quote/speaker cases: sentences written for
// these tests, each with every quote the stage must give, in order.
var quoteCases = []struct {
	name, text string
	want       []wq
}{
	{name: "said after", text: "“We will not give up an inch of our land,” Zelensky said on Monday.", want: []wq{
		{true, "Volodymyr Zelensky", "UKRGOV", "said", "We will not give up an inch of our land"},
	}},
	{name: "said inverted", text: "“The talks were frank and useful,” said Sergei Lavrov.", want: []wq{
		{true, "Sergei Lavrov", "RUSGOV", "said", "The talks were frank and useful"},
	}},
	{name: "colon before", text: "Antony Blinken told reporters in Tokyo: “Our alliance has never been stronger.”", want: []wq{
		{true, "Antony Blinken", "USAGOV", "told", "Our alliance has never been stronger."},
	}},
	{name: "told reporters after", text: "“There will be no ceasefire without a withdrawal,” Zelensky told reporters.", want: []wq{
		{true, "Volodymyr Zelensky", "UKRGOV", "told", "There will be no ceasefire without a withdrawal"},
	}},
	{name: "quoted as saying", text: "“The sanctions are illegal and will fail,” TASS quoted Sergei Lavrov as saying.", want: []wq{
		{true, "Sergei Lavrov", "RUSGOV", "quoted … as saying", "The sanctions are illegal and will fail"},
	}},
	{name: "was quoted by as saying", text: "Sergei Lavrov was quoted by RIA Novosti as saying that Moscow was open to talks.", want: []wq{
		{false, "Sergei Lavrov", "RUSGOV", "was quoted by … as saying", "Moscow was open to talks"},
	}},
	{name: "according to after", text: "“The border will stay closed,” according to Recep Tayyip Erdogan.", want: []wq{
		{true, "Recep Tayyip Erdoğan", "TURGOV", "according to", "The border will stay closed"},
	}},
	{name: "according to before", text: "According to Antony Blinken, “the door to diplomacy remains open.”", want: []wq{
		{true, "Antony Blinken", "USAGOV", "According to", "the door to diplomacy remains open."},
	}},
	{name: "split across sentences", text: "“We stand with our allies,” Emmanuel Macron said. “France will keep its word.”", want: []wq{
		{true, "Emmanuel Macron", "FRAGOV", "said", "We stand with our allies, France will keep its word."},
	}},
	{name: "split inside sentence", text: "“We have done our part,” Narendra Modi said, “and now others must do theirs.”", want: []wq{
		{true, "Narendra Modi", "INDGOV", "said", "We have done our part, and now others must do theirs."},
	}},
	{name: "paragraphs without closing mark", text: "Jens Stoltenberg said:\n“The alliance is ready to defend every inch of its territory.\n“No one should doubt our resolve.”", want: []wq{
		{true, "Jens Stoltenberg", "IGONAT", "said", "The alliance is ready to defend every inch of its territory. No one should doubt our resolve."},
	}},
	{name: "nested single quotes", text: "“The minister spoke of a ‘new chapter’ in our relations,” Wang Yi said.", want: []wq{
		{true, "Wang Yi", "CHNGOV", "said", "The minister spoke of a ‘new chapter’ in our relations"},
	}},
	{name: "straight quotes", text: "\"This is a dark day for the region,\" Antonio Guterres said.", want: []wq{
		{true, "António Guterres", "IGOUNO", "said", "This is a dark day for the region"},
	}},
	{name: "single marks as quotation", text: "'We will not be intimidated,' Anthony Albanese said.", want: []wq{
		{true, "Anthony Albanese", "AUSGOV", "said", "We will not be intimidated"},
	}},
	{name: "apostrophes are not marks", text: "Japan's prime minister Fumio Kishida said the country's defence budget would rise, and that Tokyo's allies' support was welcome.", want: []wq{
		{false, "Fumio Kishida", "JPNGOV", "said", "the country's defence budget would rise, and that Tokyo's allies' support was welcome"},
	}},
	{name: "he after a subject", text: "Asked by a journalist about the strikes, Emmanuel Macron paused. “France does not seek escalation,” he said.", want: []wq{
		{true, "Emmanuel Macron", "FRAGOV", "said", "France does not seek escalation"},
	}},
	{name: "she after an object", text: "Annalena Baerbock met a Chinese envoy on Friday. “Dialogue is not a favour to anyone,” she said.", want: []wq{
		{true, "Annalena Baerbock", "DEUGOV", "said", "Dialogue is not a favour to anyone"},
	}},
	{name: "it for a body", text: "The UN refugee agency said thousands had fled. “The needs are immense,” it said.", want: []wq{
		{false, "UN refugee agency", "IGOUNOREF", "said", "thousands had fled"},
		{true, "UN refugee agency", "IGOUNOREF", "said", "The needs are immense"},
	}},
	{name: "title back to person", text: "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Tuesday. “We are not looking for confrontation,” the foreign minister said.", want: []wq{
		{true, "Sergei Lavrov", "RUSGOV", "said", "We are not looking for confrontation"},
	}},
	{name: "bare ministry back to body", text: "Japan's Ministry of Foreign Affairs summoned the envoy. “The incursion is unacceptable,” the ministry said.", want: []wq{
		{true, "Japan's Ministry of Foreign Affairs", "JPNGOV", "said", "The incursion is unacceptable"},
	}},
	{name: "spokesman for a body", text: "“No decision has been taken,” a spokesman for the Pentagon said.", want: []wq{
		{true, "spokesman for the Pentagon", "USAMIL", "said", "No decision has been taken"},
	}},
	{name: "unknown name with apposition", text: "“We lost everything in one night,” Amira Haddad, a teacher from Rafah, told reporters.", want: []wq{
		{true, "Amira Haddad", "", "told", "We lost everything in one night"},
	}},
	{name: "called fragment", text: "Emmanuel Macron called the coup attempt “a betrayal of the nation” and urged calm.", want: []wq{
		{true, "Emmanuel Macron", "FRAGOV", "called", "a betrayal of the nation"},
	}},
	{name: "dismissed as fragment", text: "Sergei Lavrov dismissed the report as “pure fiction”.", want: []wq{
		{true, "Sergei Lavrov", "RUSGOV", "dismissed", "pure fiction"},
	}},
	{name: "term after the", text: "Sergei Lavrov said the so-called “peace formula” was dead, and he mocked the “coalition of the willing”."},
	{name: "title in marks without cue", text: "Protesters marched through the capital chanting “Down With The Junta” before police moved in."},
	{name: "modifier of a noun", text: "Zelensky said the two sides had agreed to an “immediate and full” prisoner exchange.", want: []wq{
		{false, "Volodymyr Zelensky", "UKRGOV", "said", "the two sides had agreed to an “immediate and full” prisoner exchange"},
	}},
	{name: "no attribution", text: "The film “Days of Wrath” opened in Kyiv on Friday."},
	{name: "capital without body dropped", text: "Moscow accused Kyiv of “state terrorism” after the strike."},
	{name: "capital takes the body quoted before", text: "Turkey's foreign ministry said the vessel had been warned. Ankara said the crew had shown “reckless disregard” for the rules.", want: []wq{
		{false, "Turkey's foreign ministry", "TURGOV", "said", "the vessel had been warned"},
		{false, "Ankara", "TURGOV", "said", "the crew had shown “reckless disregard” for the rules"},
		{true, "Turkey's foreign ministry", "TURGOV", "said", "reckless disregard"},
	}},
	{name: "indirect that", text: "Wang Yi said that China would send an envoy to the region.", want: []wq{
		{false, "Wang Yi", "CHNGOV", "said", "China would send an envoy to the region"},
	}},
	{name: "indirect postposed", text: "The two armies will hold talks next week, Recep Tayyip Erdogan said on Friday.", want: []wq{
		{false, "Recep Tayyip Erdoğan", "TURGOV", "said", "The two armies will hold talks next week"},
	}},
	{name: "indirect told without that", text: "Antony Blinken told reporters the talks had made progress.", want: []wq{
		{false, "Antony Blinken", "USAGOV", "told", "the talks had made progress"},
	}},
	{name: "no clause after said", text: "Zelensky spoke in Kyiv. Narendra Modi said little at the summit."},
	{name: "media report is a credit", text: "Xinhua reported that the two leaders had spoken by phone."},
	{name: "added", text: "“We expect results, not promises,” Annalena Baerbock added.", want: []wq{
		{true, "Annalena Baerbock", "DEUGOV", "added", "We expect results, not promises"},
	}},
	{name: "wrote on social media", text: "“Justice will be done,” Volodymyr Zelensky wrote on Telegram.", want: []wq{
		{true, "Volodymyr Zelensky", "UKRGOV", "wrote", "Justice will be done"},
	}},
	{name: "question asked", text: "“Who will pay for the reconstruction?” asked Antonio Guterres.", want: []wq{
		{true, "António Guterres", "IGOUNO", "asked", "Who will pay for the reconstruction?"},
	}},
	{name: "said in a statement that quote", text: "The Kremlin said in a statement that “all channels of communication remain open.”", want: []wq{
		{true, "Kremlin", "RUSGOV", "said", "all channels of communication remain open."},
	}},
	{name: "closing mark left out at paragraph end", text: "Recep Tayyip Erdogan said: “We will protect our borders at any cost\nThe talks resume on Monday.", want: []wq{
		{true, "Recep Tayyip Erdoğan", "TURGOV", "said", "We will protect our borders at any cost"},
	}},
	{name: "ministry name without article", text: "“The exercises are defensive in nature,” the Russian Ministry of Defence said.", want: []wq{
		{true, "Russian Ministry of Defence", "RUSMIL", "said", "The exercises are defensive in nature"},
	}},
	{name: "possessive office", text: "“The president has no plans to travel,” Emmanuel Macron's office said.", want: []wq{
		{true, "Emmanuel Macron's office", "FRAGOV", "said", "The president has no plans to travel"},
	}},
	{name: "participle citing", text: "Japan's Ministry of Foreign Affairs lodged a protest on Monday, citing “serious concerns” over the flights.", want: []wq{
		{true, "Japan's Ministry of Foreign Affairs", "JPNGOV", "citing", "serious concerns"},
	}},
	{name: "he wrote adding", text: "Zelensky thanked the allies. “Every shell matters,” he wrote, adding that more help was needed.", want: []wq{
		{true, "Volodymyr Zelensky", "UKRGOV", "wrote", "Every shell matters"},
		{false, "Volodymyr Zelensky", "UKRGOV", "adding", "more help was needed"},
	}},
	{name: "two speakers", text: "“We want peace,” Sergei Lavrov said. “Then withdraw your troops,” Antony Blinken replied.", want: []wq{
		{true, "Sergei Lavrov", "RUSGOV", "said", "We want peace"},
		{true, "Antony Blinken", "USAGOV", "replied", "Then withdraw your troops"},
	}},
	{name: "guillemets", text: "«Nous ne céderons pas», Emmanuel Macron said in Paris.", want: []wq{
		{true, "Emmanuel Macron", "FRAGOV", "said", "Nous ne céderons pas"},
	}},
	{name: "split with words between", text: "“We will see,” Joe Biden said when asked whether he would veto the bill, “but I doubt it.”", want: []wq{
		{true, "Joe Biden", "USAGOV", "said", "We will see, but I doubt it."},
	}},
	{name: "fragment then participle", text: "The Kremlin said the move was “provocative”, adding that it would respond.", want: []wq{
		{false, "Kremlin", "RUSGOV", "said", "the move was “provocative”"},
		{true, "Kremlin", "RUSGOV", "said", "provocative"},
		{false, "Kremlin", "RUSGOV", "adding", "it would respond"},
	}},
	{name: "headline colon", text: "‘We will win’: Zelensky vows to fight on", want: []wq{
		{true, "Volodymyr Zelensky", "UKRGOV", "vows", "We will win"},
	}},
	{name: "single marks split", text: "'We are ready,' the minister said. 'The troops will stay.'", want: []wq{
		{true, "minister", "GOV", "said", "We are ready, The troops will stay."},
	}},
	{name: "pronoun without antecedent", text: "“I am not a crook,” he said."},
	{name: "single scare noun", text: "Officials said the “reforms” had failed."},
}
