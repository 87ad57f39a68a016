package where

import (
	"strings"
	"testing"
)

// TestPlaceTable resolves short texts of our own with the real earlier
// stages and the built-in gazetteer; each expectation lists every place
// found as "text=Name/ISO3", in order, "" for none.
func TestPlaceTable(t *testing.T) {
	f := newFront(t)
	for _, c := range []struct{ text, want string }{
		// Ambiguous names.
		{"Talks were held in Paris on Monday.", "Paris=Paris/FRA"},
		{"The rally took place in Paris, Texas, on Saturday.", "Paris, Texas=Paris/USA"},
		{"DALLAS, May 3 (AP) - Firefighters in Paris said the blaze was under control.", "DALLAS=Dallas/USA; Paris=Paris/USA"},
		{"Georgia's president met European leaders in Tbilisi.", "Tbilisi=Tbilisi/GEO"},
		{"Protests spread across Georgia after the vote in Tbilisi.", "Georgia=Georgia/GEO; Tbilisi=Tbilisi/GEO"},
		{"Voters lined up in Atlanta, Georgia, on Tuesday.", "Atlanta, Georgia=Atlanta/USA"},
		{"Storms hit Savannah and Atlanta before moving across Georgia.", "Savannah=Savannah/USA; Atlanta=Atlanta/USA; Georgia=Georgia/USA"},
		{"Engineers in Hyderabad built the new system.", "Hyderabad=Hyderābād/IND"},
		{"KARACHI, June 2 (Reuters) - Floods hit Hyderabad on Sunday.", "KARACHI=Karachi/PAK; Hyderabad=Hyderabad/PAK"},
		{"Clashes broke out in Hyderabad in southern Pakistan.", "Hyderabad=Hyderabad/PAK; Pakistan=Pakistan/PAK"},
		{"Flooding hit India's Punjab state.", "Punjab=Punjab/IND"},
		{"Officials in Tripoli, Lebanon, denied the report.", "Tripoli, Lebanon=Tripoli/LBN"},
		{"Officials in Tripoli denied the report.", "Tripoli=Tripoli/LBY"},
		{"The plant is in Birmingham, Alabama.", "Birmingham, Alabama=Birmingham/USA"},
		{"Fans gathered in Birmingham for the match.", "Birmingham=Birmingham/GBR"},
		{"He was born in Mobile, Alabama.", "Mobile, Alabama=Mobile/USA"},
		// Capitals that act are not places; used as places they are.
		{"Shoigu arrived in Beijing on Monday.", "Beijing=Beijing/CHN"},
		{"Beijing said the talks were constructive.", ""},
		{"Kyiv said it would retaliate.", ""},
		{"Missiles struck Kyiv overnight.", "Kyiv=Kyiv/UKR"},
		{"Officials in Kiev denied the report.", "Kiev=Kyiv/UKR"},
		{"Leaders gathered in Washington.", "Washington=Washington/USA"},
		{"Delegates met at the Kremlin.", "the Kremlin=Moscow/RUS"},
		{"Talks resumed in the Qatari capital on Sunday.", "Qatari capital=Doha/QAT"},
		{"Talks in the Ukrainian capital Kyiv resumed.", "Kyiv=Kyiv/UKR"},
		// Countries are places only after a locative word.
		{"Georgia and Armenia signed a pact.", ""},
		{"U.S. troops remain in Iraq.", "Iraq=Iraq/IRQ"},
		{"They agreed to meet in the US next year.", "US=United States/USA"},
		{"The talks will be held in the U.S.", "U.S=United States/USA"},
		{"Let us meet again in spring.", ""},
		{"Pakistan carried out strikes inside Iran.", "Iran=Iran/IRN"},
		// Divisions.
		{"Fighting continued near Bakhmut and in the Donetsk region.", "Bakhmut=Bakhmut/UKR; Donetsk=Donetsk/UKR"},
		{"Rain fell across Washington state.", "Washington=Washington/USA"},
		{"Aid trucks crossed from Egypt into the Gaza Strip through Rafah.", "Egypt=Egypt/EGY; Gaza Strip=Gaza Strip/PSE; Rafah=Rafaḩ/PSE"},
		{"Residents fled Gaza City on foot.", "Gaza City=Gaza/PSE"},
		{"The summit in Samarkand, Uzbekistan, ended on Friday.", "Samarkand, Uzbekistan=Samarkand/UZB"},
		// Common words and people's names.
		{"The mayor of Nice spoke to reporters.", "Nice=Nice/FRA"},
		{"Nice weather drew crowds to the beach.", ""},
		{"Reading the statement, he paused.", ""},
		{"The ferry left Split for Ancona.", "Split=Split/HRV; Ancona=Ancona/ITA"},
		{"Sources in Male said the vote was fair.", "Male=Male/MDV"},
		{"Male voters backed the president.", ""},
		{"Maria Jackson said the deal was fair.", ""},
		{"President Lincoln signed the order.", ""},
		{"Barack Obama met Raúl Castro in Havana.", "Havana=Havana/CUB"},
		{"Victoria Nuland visited Kyiv on Tuesday.", "Kyiv=Kyiv/UKR"},
		{"The Hamilton government announced new sanctions.", ""},
		{"Jordan said it would not allow its airspace to be used.", ""},
		{"Chelsea beat Arsenal 2-1 on Saturday.", ""},
		{"CEBU CITY, March 3 (PNA) - Cordova Mayor Adelino Sitoy filed the case.", "CEBU CITY=Cebu City/PHL"},
		// Lists, exonyms, towns and their divisions.
		{"Israel struck targets in Gaza and southern Lebanon.", "Gaza=Gaza/PSE; Lebanon=Lebanon/LBN"},
		{"The envoy flew from Doha to Cairo for talks.", "Doha=Doha/QAT; Cairo=Cairo/EGY"},
		{"Talks on Syria will be held in Geneva.", "Geneva=Genève/CHE"},
		{"Christmas services were held in Bethlehem in the occupied West Bank.", "Bethlehem=Bethlehem/PSE; West Bank=West Bank/PSE"},
		{"The grain ship left the port of Odessa.", "Odessa=Odesa/UKR"},
		{"Protesters rallied in New York.", "New York=New York City/USA"},
		{"The talks were held in the South African capital.", "South African capital=Pretoria/ZAF"},
		// Other features and longer names.
		{"The Houthis fired missiles at ships in the Red Sea.", ""},
		{"Ships were fired on near the Kerch Strait.", ""},
		{"The fleet sailed into the Sea of Azov.", ""},
		{"He studied at Oxford University.", ""},
		{"Shoigu is attending the 10th Xiangshan Security Forum.", ""},
		{"Zhang met Shoigu at the Beijing Xiangshan Forum.", "Beijing=Beijing/CHN"},
		{"They condemned the raid as a breach of the 1961 Vienna Convention.", "Vienna=Vienna/AUT"},
		// Datelines.
		{"WOODSIDE, Calif., Nov 15 (Reuters) - The two leaders met for four hours.", "Calif.=California/USA"},
		{"GAZA CITY, Oct 21 (IANS) - Twenty trucks entered.", "GAZA CITY=Gaza/PSE"},
		{"NEW YORK (AP) - Stocks fell sharply.", "NEW YORK=New York City/USA"},
		{"Beijing, Oct 30 (Xinhua) -- Talks opened.", "Beijing=Beijing/CHN"},
	} {
		got := strings.Join(f.places(t, c.text), "; ")
		if got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}
