package lang

import (
	"strings"
	"testing"
	"testing/fstest"
)

func detector(t testing.TB) *Detector {
	t.Helper()
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDetect(t *testing.T) {
	d := detector(t)
	for _, tc := range []struct{ lang, text string }{
		{"en", "The foreign ministers of the two countries met in Geneva on Tuesday and agreed that the truce would be extended for another three months, officials said."},
		{"fr", "Les ministres des affaires étrangères des deux pays se sont réunis mardi à Genève et ont convenu que la trêve serait prolongée de trois mois, selon des responsables."},
		{"de", "Die Außenminister der beiden Länder haben sich am Dienstag in Genf getroffen und vereinbart, dass die Waffenruhe um drei Monate verlängert wird, wie Beamte mitteilten."},
		{"es", "Los ministros de exteriores de los dos países se reunieron el martes en Ginebra y acordaron que la tregua se prolongará tres meses más, según fuentes oficiales."},
		{"pt", "Os ministros das relações exteriores dos dois países se reuniram na terça-feira em Genebra e concordaram que a trégua será prorrogada por mais três meses, segundo autoridades."},
		{"it", "I ministri degli esteri dei due paesi si sono incontrati martedì a Ginevra e hanno concordato che la tregua sarà prorogata di altri tre mesi, secondo fonti ufficiali."},
		{"nl", "De ministers van buitenlandse zaken van de twee landen hebben dinsdag in Genève met elkaar gesproken en zijn het eens dat het bestand met drie maanden wordt verlengd."},
		{"tr", "İki ülkenin dışişleri bakanları salı günü Cenevre'de bir araya geldi ve ateşkesin üç ay daha uzatılması için anlaştı, yetkililer bu konuda açıklama yaptı ve görüşmeler için teşekkür etti."},
		{"id", "Para menteri luar negeri dari kedua negara bertemu di Jenewa pada hari Selasa dan sepakat bahwa gencatan senjata akan diperpanjang untuk tiga bulan lagi, kata pejabat yang tidak mau disebut namanya."},
		{"ru", "Министры иностранных дел двух стран встретились во вторник в Женеве и договорились, что перемирие будет продлено ещё на три месяца, как сообщили официальные лица."},
		{"uk", "Міністри закордонних справ двох країн зустрілися у вівторок у Женеві і домовилися, що перемир'я буде продовжено ще на три місяці, як повідомили посадовці та дипломати."},
		{"ar", "التقى وزيرا خارجية البلدين في جنيف يوم الثلاثاء واتفقا على تمديد الهدنة ثلاثة أشهر أخرى، بحسب مسؤولين."},
		{"zh", "两国外长周二在日内瓦会晤，同意将停火协议再延长三个月，官员表示。双方还讨论了交换战俘的问题。"},
		{"ja", "両国の外相は火曜日にジュネーブで会談し、停戦をさらに三か月延長することで合意したと当局者が明らかにした。"},
		{"ko", "양국 외무장관은 화요일 제네바에서 만나 휴전을 3개월 더 연장하기로 합의했다고 관리들이 밝혔다."},
		{"el", "Οι υπουργοί Εξωτερικών των δύο χωρών συναντήθηκαν την Τρίτη στη Γενεύη και συμφώνησαν να παραταθεί η εκεχειρία."},
	} {
		r := d.Detect(tc.text)
		if r.Lang != tc.lang {
			t.Errorf("%s text detected as %q (%s)", tc.lang, r.Lang, r.Reason)
		}
		if r.Reason == "" {
			t.Errorf("%s: no reason", tc.lang)
		}
	}
}

func TestUndetermined(t *testing.T) {
	d := detector(t)
	for _, text := range []string{
		"",
		"Geneva, May 14",
		"12345 67890 !!! ???",
		"Xavier Ybarra Zolotov Quentin Wexford Pimlico Oberon Kettering", // names only
	} {
		if r := d.Detect(text); r.Lang != "" || r.English() {
			t.Errorf("Detect(%q) = %q (%s), want undetermined", text, r.Lang, r.Reason)
		}
	}
}

func TestEnglishWithForeignQuote(t *testing.T) {
	d := detector(t)
	text := `The French minister said on Monday that "la France ne cédera pas" and that the talks with the unions would go on. ` +
		"He told reporters that the government had a plan, and that it would be published in the coming weeks after it was approved by the cabinet."
	if r := d.Detect(text); !r.English() {
		t.Errorf("got %q (%s)", r.Lang, r.Reason)
	}
}

func TestLongTextIsCut(t *testing.T) {
	d := detector(t)
	text := strings.Repeat("The talks will go on and the ministers said that it was a good day for peace. ", 500)
	if r := d.Detect(text); !r.English() || !strings.Contains(r.Reason, "of 1") {
		t.Errorf("got %q (%s)", r.Lang, r.Reason)
	}
}

func TestBadWordList(t *testing.T) {
	for _, body := range []string{
		"en the of\nEN x y\n",
		"en\tthe\nen\tof\n",
		"eng\tthe\n",
		"en\tThe\n",
	} {
		fsys := fstest.MapFS{listFile: {Data: []byte(body)}}
		if _, err := New(Config{FS: fsys}); err == nil || !strings.Contains(err.Error(), "data/lang/stopwords.txt:") {
			t.Errorf("list %q: err = %v, want a file:line error", body, err)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	d := detector(b)
	text := strings.Repeat("The foreign ministers of the two countries met in Geneva on Tuesday and agreed. ", 60)
	b.SetBytes(int64(min(len(text), 8192)))
	for b.Loop() {
		d.Detect(text)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("The talks went on.")
	f.Add("Die Gespräche gingen weiter.")
	f.Add("\xff\xfe日本語")
	d := detector(f)
	f.Fuzz(func(t *testing.T, s string) {
		r := d.Detect(s)
		if r.Reason == "" {
			t.Fatal("no reason")
		}
	})
}
