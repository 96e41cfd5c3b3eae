#!/usr/bin/env python3
"""Build the bundled SAMPLE survey files of Wijkbeeld for the gemeente Gorinchem.

Everything in these files is FICTIONAL: the answers, the respondents, the notes,
the names, e-mail addresses and phone numbers were written for this sample. Only
the shape of each file imitates what the real tool exports (Microsoft Forms,
Dutch Excel CSV, LimeSurvey, a hand-kept workbook, Excel "Unicode-tekst",
LibreOffice ODS).

Area data used to spread respondents over the wijken (hard-coded below so this
script needs nothing outside this folder):
  * inhabitants and age shares per wijk: CBS Kerncijfers wijken en buurten 2024
    (Bron: CBS, CC BY 4.0);
  * PC4 -> wijk address shares: Gorinchem PC4/wijk table 2024 (CC BY-NC-SA).

Run:  python sample_data/surveys/build_surveys.py
Deterministic: random.Random(2024). Needs pandas, openpyxl and odfpy (odfpy only
to write the .ods; it is a generation dependency, not an app dependency).

Answer texts are hand-written, one per line, in the blocks below:
  [11]  at the start ties a text to a wijk (WK0512 + two digits; [--] = outside)
  {O} {J} {P}  respondent is old (65+) / young (<35) / a parent (25-54)
  {A84}        respondent's exact age
  {L} {H}      low / high rapportcijfer (Wmo)
  {J14}        youth survey: the respondent's exact age
  {Y}          street conversation with someone under 25
  {M}          respondent is 45-64 (Forms)
  {Rman} {Rvrouw} {Rmoeder} {Rvader} {Rzoon} {Rdochter} {Rverpleeghuis} {Randers}
               mantelzorg: whom the carer cares for; a need or remark with R-hints only
               goes to a carer whose "Voor wie" has one of them
  {hh} {bg} {db} {hm} {wa} {vv} {rz}  kind of Wmo support the text is about
  " // "       a line break inside the answer
"""
from __future__ import annotations

import csv
import io
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent
SEED = 2024

# --------------------------------------------------------------------------------------
# Answer texts: Microsoft Forms buurtenquête 2024
# --------------------------------------------------------------------------------------

FORMS_VERBETEREN = """
Meer bankjes langs de wandelroutes, mijn moeder kan niet ver lopen zonder even te zitten.
parkeren!! je kunt hier na 6 uur nergens meer staan
Hondenpoep overal. Vooral op het grasveld waar de kinderen spelen. Er wordt nooit gehandhaafd.
{O} Meer activiteiten voor ouderen, veel mensen hier zitten de hele dag alleen achter de geraniums. Een koffieochtend zou al helpen.
de gemeente moet eens luisteren ipv alleen maar enquetes sturen
Er is geen plek waar je elkaar tegenkomt. Het buurthuis is dicht sinds corona en niemand weet of het nog open gaat.
Te hard rijden door de straat. Drempels graag.
Meer toezicht 's avonds, er hangen jongeren bij de speeltuin en ze laten alles liggen.
Betere verlichting bij het fietspad, als vrouw alleen voel ik me daar niet prettig in het donker.
Onderhoud van het groen is slecht. Het onkruid staat tot je knieën en de stoepen liggen scheef, mijn man is er al een keer over gestruikeld.
meer groen minder stenen
{P} Wachtlijsten bij de huisarts en de GGZ. Mijn dochter wacht al 7 maanden op hulp, ondertussen gaat het steeds slechter met haar. Dat kan toch niet?
{M} Betaalbare woningen voor jongeren! Mijn zoon is 27 en woont nog thuis, er is gewoon niks te krijgen.
Een pinautomaat in de buurt zou fijn zijn voor de ouderen.
Afvalbakken worden te weinig geleegd, vooral in de zomer stinkt het.
Ik zou graag zien dat de gemeente beter communiceert over werkzaamheden. Ineens lag de hele straat open en niemand wist er iets van.
geen idee eigenlijk, het is prima zo
{P} Meer speelplekken voor kinderen tussen 8 en 12, de speeltuintjes zijn alleen voor de kleintjes.
{O} {A78} Eenzaamheid. Ik ben 78 en sinds mijn vrouw overleden is spreek ik soms dagen niemand. Ik weet niet waar ik heen moet.
de bus rijdt veel te weinig, en in het weekend bijna nie. zonder auto ben je nergens
{O} Meer handhaving op foutparkeren op de stoep, met de rollator kom ik er niet langs.
Da's simpel: zorg dat de wijkagent weer eens te zien is.
Er zijn veel mensen die het financieel moeilijk hebben maar zich schamen om hulp te vragen. Maak het laagdrempeliger, bijvoorbeeld een inloopspreekuur in de wijk zelf en niet op het stadhuis.
Snelheid scooters op het fietspad
Hangjongeren bij de supermarkt, ze zijn niet gevaarlijk maar wel intimiderend voor ouderen. Geef ze een eigen plek met jongerenwerk erbij, dan is iedereen blij.
Ze kappen bomen en er komt niks terug. Schandalig.
{O} Buurtbus voor ouderen die niet meer zelf naar de huisarts of het ziekenhuis kunnen
Minder regels, meer doen.
ik vind dat er te weinig gedaan word aan de overlast van de buren, ik heb al 3x gebeld met de woningcorporatie en de gemeente en iedereen verwijst naar elkaar
{O} Een plek waar je als mantelzorger even op adem kunt komen. Ik zorg voor mijn man met parkinson en kom nergens meer aan toe.
meer sport mogelijkheden in de buurt voor volwassenen, zoals een beweegtuin of een ommetje met toestellen
Trottoirs zijn slecht begaanbaar
Het wijkteam is onvindbaar. Ik heb gebeld en kreeg een doorverwijzing naar een nummer dat niet meer bestaat.
Goede informatie in gewone taal. De brieven van de gemeente zijn niet te begrijpen, ik heb hulp van mijn buurvrouw nodig om ze te lezen.
Meer contact tussen oude en nieuwe bewoners. Er wonen veel mensen van buiten die je nooit ziet.
Zwerfvuil en grofvuil dat dagen aan de straat staat.
Laat de bewoners zelf meebeslissen over het geld voor de wijk, wij weten heus wel wat nodig is
{P} Veiliger oversteken voor de kinderen naar school, er is geen zebrapad en de auto's scheuren erlangs.
Een huisarts die nieuwe patiënten aanneemt!! Wij wonen hier 2 jaar en staan nog steeds op een wachtlijst.
meer controle op inbraken, bij ons in de straat zijn er dit jaar al 3 geweest
ik mis een buurthuis met activiteiten voor iedereen, niet alleen voor ouderen of alleen voor kinderen
Minder vrachtverkeer door de wijk
Er moet iets gedaan worden aan de drugsoverlast. Iedereen weet welke woning het is, de politie ook, maar er gebeurt niks.
Laat ouderen langer thuis wonen met goede hulp. Mijn vader kreeg pas na 3 maanden huishoudelijke hulp.
Meer prullenbakken
De stoep wordt nooit geveegd, de bladeren blijven liggen tot het een gladde prut is
de jeugd heeft niks te doen hier en dan klagen we dat ze rondhangen
Beter luisteren naar bewoners. Bij de vorige bewonersavond is er van alles beloofd en daarna hebben we er nooit meer wat van gehoord.
{J} Taalles dichtbij huis. Ik wil beter Nederlands leren maar de cursus is ver en alleen overdag als ik werk.
{O} Het is vooral de eenzaamheid onder ouderen, en die zie je niet want die mensen komen de deur niet uit.
{P} Goedkopere sportclub voor kinderen, met 3 kinderen is voetbal + zwemles gewoon niet te betalen.
schulden hulp sneller. je wacht weken op een gesprek en intussen lopen de boetes op
{P} Verkeer bij de scholen 's ochtends is levensgevaarlijk, allemaal ouders met auto's.
Meer woningen voor ouderen, gelijkvloers, zodat de eengezinswoningen vrijkomen voor gezinnen
Niks. Laat het zoals het is.
Er zijn te weinig laadpalen.
De speeltuin is verouderd, de glijbaan is al maanden kapot en afgezet met lint.
Vuurwerkoverlast rond oud en nieuw begint al in november.
Betere samenwerking tussen huisarts, wijkteam en thuiszorg. Nu moet je overal opnieuw je verhaal doen.
Wat meer gezelligheid, zoals vroeger een buurtfeest of een straatbarbecue. Dat organiseert niemand meer.
Meer aandacht voor mensen met psychische problemen in de wijk, er woont hier iemand die duidelijk hulp nodig heeft maar niemand doet iets.
Meer geld voor vrijwilligers, zonder hen draait er hier niks. Ze worden niet eens bedankt.
{O} De gemeente moet niet alles digitaal doen. Niet iedereen kan met een computer overweg.
Fietsenstallingen bij de flats, nu staan de fietsen overal in de gangen.
minder hoogbouw erbij, het word steeds voller
Ik ben eigenlijk tevreden maar het parkeren blijft een drama en de vergunningen zijn te duur.
Meer blauw op straat.
betere begeleiding naar werk. Ik zit al jaren in de bijstand en wil graag aan de slag maar ik word van het kastje naar de muur gestuurd
Het gras wordt gemaaid en dan blijft alles liggen, daar kunnen de kinderen niet op spelen
De wijk is best oké maar de sfeer is veranderd, je kent niemand meer
{J} Een ontmoetingsplek voor jonge moeders, ik zit de hele dag alleen thuis met de baby
Vrijwilligers die boodschappen doen voor ouderen, zou mooi zijn als de gemeente dat organiseert
Meer informatie over waar je terecht kan met vragen over zorg of geld. Ik wist niet eens dat er een wijkteam was.
stop met het weghalen van parkeerplaatsen
Er moet een zebrapad komen bij de bushalte.
Beter onderhoud van de woningen door de woningbouw, schimmel in de badkamer en al 2 jaar niks gedaan
ik zou graag meer horen wat er met onze mening gedaan wordt. anders vul ik dit ook niet meer in
Energiearmoede. De rekening is zo hoog dat we de verwarming bijna niet meer aan durven te zetten.
Een uitgiftepunt van de voedselbank dichterbij, nu moet je met de bus helemaal naar de andere kant van de stad
het is hier best veilig maar de verlichting in het park kan beter
Ik vind dat er meer gedaan moet worden voor kinderen die thuis niet zo'n makkelijk leven hebben. Huiswerkbegeleiding, een warme maaltijd, iemand die luistert.
Fietspaden zijn slecht, boomwortels maken bulten.
Meer activiteiten in de avond voor mensen die overdag werken
Er wordt veel gebouwd maar waar blijven de voorzieningen? Geen winkel, geen huisarts, geen school erbij.
De jongeren moeten een plek krijgen waar ze mogen zijn. Een voetbalkooi of een hok met een jongerenwerker, da's toch niet zo moeilijk?
Meer bomen voor schaduw, in de zomer is het op het plein niet uit te houden
openbaar vervoer naar het ziekenhuis
Snellere reactie als je iets meldt via de app. Ik heb een kapotte lantaarnpaal gemeld en na 6 weken was hij nog steeds kapot.
{O} Ik ben eenzaam maar durf dat niet te zeggen tegen mijn kinderen. Misschien is het fijn als er iemand langskomt.
Tja. Alles eigenlijk.
geluidsoverlast van de snelweg, de A15 hoor je dag en nacht
Dat de gemeente eens komt kijken in plaats van vanachter een bureau te beslissen
Meer hulp bij formulieren, toeslagen en zo. Ik begrijp er niks van en ben bang dat ik iets fout doe.
{O} Een wijkkrant op papier zoals vroeger. Niet iedereen zit op facebook.
de hoeveelheid katten die in mijn tuin poepen, misschien kan de gemeente hier iets mee
Ik vind het jammer dat de bibliotheek minder open is, daar kwam ik elke week.
Meer controle op mensen die hun afval naast de container zetten. Het is echt een zooi.
Betere toegankelijkheid voor rolstoelen: hoge stoepranden, geen afritten, winkels met trappetjes.
Een sportveldje voor iedereen, ook voor volwassenen die gewoon een balletje willen trappen.
Mijn buurman is dement en woont alleen. Ik maak me zorgen maar weet niet wie ik moet bellen.
Meer aandacht voor statushouders en nieuwkomers zodat ze mee kunnen doen, nu leven we langs elkaar heen
parkeerplekken voor gehandicapten worden door iedereen gebruikt
goed zo
het zou fijn zijn als je bij de gemeente iemand aan de telefoon krijgt die je verder helpt en niet na 20 minuten wachten iemand die zegt dat je het online moet doen
{O} De zorgkosten. Eigen risico en eigen bijdrage Wmo, voor gepensioneerden met een klein pensioen is dat veel.
Meer controle op de kwaliteit van de thuiszorg, elke keer een ander gezicht bij mijn moeder.
Ik zou graag willen dat er een moestuin komt waar buurtbewoners samen kunnen tuinieren
De straat is één grote parkeerplaats geworden
{P} Hulp voor jongeren met stress en somberheid. Mijn zoon van 16 zit thuis en er is nergens plek.
Een hondenuitlaatveld, dan liggen de drollen ook niet meer op de stoep
beter onderhoud van de sloten, het stinkt in de zomer en er drijft rommel in
Een vast aanspreekpunt bij de gemeente voor onze wijk. Nu weet niemand wie waarover gaat.
Er wordt te veel gepraat en te weinig gedaan. Zie alle rapporten van de afgelopen jaren.
Ik voel me niet meer thuis in mijn eigen buurt door de overlast en het geschreeuw 's nachts.
Iets voor de 50-plussers die nog niet oud zijn maar wel zin hebben om andere mensen te ontmoeten, wandelgroep ofzo
ff een goede fietsenstalling bij het station, je fiets wordt daar gejat
Mensen met weinig geld kunnen niet meedoen. Een stadspas met korting voor zwembad, bieb en sport zou helpen.
Meer samenwerking met de scholen in de wijk, daar zie je welke gezinnen het moeilijk hebben.
PARKEREN!!! Doe er nou eens wat aan
ze doen d'r niks an. al jaren niet.
Goede, betaalbare kinderopvang. Ik wil meer uren werken maar dan gaat alles op aan de opvang.
verlichting
Een plek waar mensen met dementie en hun partner samen naartoe kunnen, een soort Alzheimer café in de buurt.
Het onkruid tussen de stoeptegels, sinds de gemeente niet meer spuit is het een jungle
meer handhaving op hondenpoep en fout parkeren, er word niks gedaan
{O} Bij het gemeentehuis een balie waar je gewoon met een mens kan praten zonder afspraak.
Sneller herstel van kapotte speeltoestellen
Eigenlijk de samenhang. Iedereen leeft zijn eigen leven en achter de voordeur kan van alles aan de hand zijn zonder dat iemand het merkt.
Zorg dat de jongerenwerkers niet elk jaar wisselen, de jongeren hebben vaste gezichten nodig.
Bel me gerust voor een toelichting: 06-12345678. Het gaat om de overlast van de hangplek achter de flat, dat speelt al maanden.
Ik heb hier al eerder over gemaild (r.dekker64@example.com) maar nooit antwoord gekregen. De stoep voor ons huis ligt al een jaar open.
[11] Mijn naam is Ria van Dijk, ik woon op 4207 HK 31. Ik wil graag meedenken in een werkgroep over ontmoeting in de wijk.
[01] Parkeren in de binnenstad voor bewoners is onmogelijk met al die bezoekers op zaterdag.
[01] Overlast van het uitgaan op zaterdagnacht, glas op straat en geschreeuw tot 4 uur.
[01] De binnenstad is er voor toeristen, niet meer voor de bewoners. Geen gewone winkels meer, alleen nog kledingzaken en horeca.
[01] Meer groen binnen de vesting, het is allemaal steen.
[01] {P} Terrassen nemen de hele stoep in, met een kinderwagen kom je er niet meer door.
[01] Afvalcontainers in de binnenstad zitten altijd vol door bedrijven die er hun dozen in gooien
[01] {O} De kinderkopjes zijn met een rollator niet te doen. Maak tenminste één looproute vlak.
[03] De Lingewijk is vergeten. Alles gaat naar de nieuwbouw en hier verloedert het.
[03] Het speeltuintje bij ons achter is al jaren niet opgeknapt.
[03] Meer ontmoeting in de Lingewijk, er wonen veel ouderen alleen in de flats.
[04] In de Haarwijk is veel armoede achter de voordeur. Gebruik de scholen en het buurthuis om die mensen te bereiken.
[04] De flats in de Haarwijk zijn gehorig en slecht geïsoleerd. De energierekening is niet te betalen.
[04] Meer samenhang in de haarwijk, er wonen veel culturen maar niemand praat met elkaar.
[04] meer voor de jeugd in de haarwijk, de voetbalkooi is altijd bezet door de grote jongens
[05] De Stalkaarsen kan wel een opknapbeurt gebruiken, de perkjes zijn kaal en de bankjes kapot.
[05] Parkeren in de Stalkaarsen is een ramp sinds ze die nieuwe woningen hebben gebouwd.
[06] {O} In de Gildenwijk wonen veel ouderen. Zorg dat de winkels bereikbaar blijven en dat er een plek is om koffie te drinken.
[06] De Gildenwijk vergrijst en er komt niks voor in de plaats. Meer woningen voor starters.
[06] Meer bankjes in de Gildenwijk, mijn buurvrouw loopt met de rollator en moet halverwege rusten.
[11] Laag Dalem heeft een slechte naam maar er wonen hartstikke veel goeie mensen. Investeer in het buurthuis en het jongerenwerk in plaats van alleen handhaving.
[11] Overlast van scooters in Laag Dalem, ze rijden over de stoep en door het park.
[11] De flats in laag dalem zijn oud, schimmel, lekkages. De corporatie doet niks.
[11] Meer voor de jeugd, vroeger was er een jongerencentrum nu hangen ze rond bij het winkelcentrum
[11] Dalem is groot geworden maar er is maar één huisartsenpraktijk en die zit vol.
[11] Zwerfafval rond het winkelcentrum
[11] Veel gezinnen hier hebben het zwaar. Schuldhulp en voedselbank zouden in de wijk zelf moeten zitten.
[11] Het grote grasveld wordt gebruikt als hondentoilet, kinderen kunnen er niet meer spelen.
[13] {P} Hoog Dalem is een nieuwe wijk met veel jonge gezinnen maar er is veel te weinig voor kinderen boven de 10.
[13] {P} De verkeerssituatie bij de school is gevaarlijk, elke ochtend bijna-ongelukken.
[13] Er is in Hoog Dalem geen enkele ontmoetingsplek, geen café, geen buurthuis, niks. Alleen huizen.
[13] De bus naar het station rijdt veel te weinig vanuit hoog-dalem.
[13] {P} Kinderopvang en bso zitten vol, wachtlijst van een jaar. Dat had de gemeente toch kunnen zien aankomen bij zo'n nieuwe wijk?
[13] Te hard rijden op de wegen door de wijk, terwijl er overal kinderen spelen.
[02] {O} In Wijdschild is het rustig, maar de bushalte is ver weg voor ouderen.
[02] De sloten in Wijdschild worden slecht onderhouden.
[12] In Dalem (het dorp) hebben we het gevoel dat we vergeten worden, alles gaat naar de stad.
[12] Sluipverkeer door het dorp en te hard rijden op de dijk.
[07] Vrachtwagens die door de straat denderen, de huizen trillen ervan.
"""

# Short answers that real respondents give again and again; used (with repetition)
# once the hand-written answers above are used up.
FORMS_VERBETEREN_KORT = """
parkeren
Parkeren
meer groen
hondenpoep
verkeer
Meer blauw op straat
onderhoud stoepen
meer voor de jeugd
zwerfafval
Meer activiteiten voor ouderen
"""

FORMS_GOED = """
De buren, we helpen elkaar.
Het is hier lekker rustig en groen.
Veel groen en water in de buurt, fijn om te wandelen met de hond.
de winkels zijn dichtbij
De vuilnis wordt netjes opgehaald.
{P} Goede scholen in de buurt.
{O} Mijn buurvrouw kijkt naar me om, en ik naar haar. Dat is goud waard.
Niks eigenlijk.
{P} De speeltuin is pas opgeknapt, mijn kinderen spelen er elke dag.
{O} Het buurthuis doet goed werk met de koffieochtenden, daar kom ik elke dinsdag.
De wijkagent is goed bereikbaar en reageert snel.
Het is een gemengde buurt, jong en oud door elkaar. Dat vind ik mooi.
Er is veel saamhorigheid, als er iets is staat iedereen klaar.
De vrijwilligers van de voedselbank, petje af.
Goede busverbinding naar het station.
De bibliotheek, daar is altijd wat te doen en de mensen zijn aardig.
Het wijkteam heeft mij goed geholpen toen ik het even niet meer zag zitten.
Er wordt veel georganiseerd door bewoners zelf, zoals de buurtpreventie-app.
rustige buurt, weinig criminaliteit
{P} Kinderen kunnen veilig buiten spelen.
Het groen wordt de laatste tijd beter bijgehouden.
De huisarts is top, al wacht je soms wel lang.
Dat er eindelijk wat gebeurt met de speeltuin.
het is gezellig in de straat, we hebben elk jaar een straatfeest
Alles is dichtbij: school, winkels, huisarts.
Er is een goede sfeer, mensen groeten elkaar nog.
De gemeente heeft snel gereageerd op mijn melding over de losliggende tegels. Netjes.
Het jongerenwerk doet goed werk, ik zie minder rondhangen dan vorig jaar.
De sportvereniging, daar is voor iedereen plek, ook als je het niet kunt betalen.
de moestuin bij de school, leuk initiatief
Het is een prachtige stad om in te wonen, met de vestingwallen en het water.
De ouderen worden goed in de gaten gehouden door de buurt.
Eerlijk gezegd: weinig. De buurt gaat achteruit.
dat we dichtbij de snelweg zitten haha
{P} Er zijn veel activiteiten voor kinderen in de vakanties.
Goede samenwerking tussen school en ouders.
De containers voor plastic en papier zijn handig.
de wandelroute rond de wijk
Mooi opgeknapte straat sinds vorig jaar.
Er is een goede huisartsenpraktijk en apotheek dichtbij.
Rustig, netjes, veilig. Meer hoef ik niet.
Het repaircafé in het buurthuis, daar kun je ook gewoon een kopje koffie drinken en een praatje maken.
De mensen. Echt.
{O} Ik woon hier al 40 jaar en zou nergens anders willen wonen.
vroeger was het beter maar het gaat nog wel
{O} De kerk organiseert veel voor ouderen, een maaltijd en uitstapjes.
De schoonmaakacties van de buurt, met de grijpers. Leuk dat de gemeente die spullen uitleent.
{J} Er is een taalcafé in de bieb, daar heb ik veel geleerd.
de buurtapp werkt goed, verdachte situaties worden snel gedeeld
Dat er nagedacht wordt over de wijk, zoals met deze enquête. Als er dan ook iets mee gebeurt.
Dat mensen nog naar elkaar omkijken, ondanks dat iedereen het druk heeft.
De beweegtuin bij de flat wordt goed gebruikt door ouderen
De parkeerplaatsen zijn eindelijk opnieuw ingedeeld, scheelt een hoop gedoe.
{P} Met de kinderen naar het park en de eendjes voeren. Simpel maar fijn.
Niet zo veel, je moet het zelf maar regelen.
De boa's zijn vaker te zien dan vroeger.
de rust 's avonds
Het zwembad en de sportvelden zijn op fietsafstand.
Snelle hulp van de huisartsenpost toen mijn man viel.
Vrijwilligers die bij ouderen langsgaan, mijn moeder krijgt elke week bezoek van een maatje
Dat de bewoners een eigen budget kregen voor de inrichting van het pleintje. Zo hoort het.
{P} veel kinderen om mee te spelen voor mijn kids
Mijn buren, de winkels en het water. Verder niks.
Het nieuwe fietspad is een verbetering
ik voel me hier thuis
Heel veel. Het is een fijne buurt.
{P} De kinderboerderij!
{O} De wijkverpleegkundige is een engel.
De schuldhulpverlening heeft me uit de put geholpen. Ik schaamde me, maar ze waren heel vriendelijk.
De maatschappelijke stage van de middelbare scholieren bij het verzorgingshuis, mooi om te zien.
{P} De buurtsportcoach organiseert leuke dingen voor de kinderen op woensdagmiddag.
{O} De wijkkrant lees ik altijd, dan weet je wat er speelt.
Er komt eindelijk weer een pinautomaat.
da's een goeie vraag... de buren denk ik
Dat er een AED in de straat hangt en een groep buurtbewoners die kan reanimeren.
De mensen van het buurthuis doen hun best met weinig geld.
[01] De binnenstad is prachtig, de vestingwallen, de haven, de sfeer. Ik woon hier met liefde.
[01] Alles op loopafstand, de markt, de bieb, het theater.
[01] De Lingehaven is mooi opgeknapt.
[03] Het is rustig in de Lingewijk en dichtbij de binnenstad.
[04] De Haarwijk heeft veel groen en speelveldjes. Mensen zijn behulpzaam.
[05] Stalkaarsen is een rustige, nette wijk.
[06] De Gildenwijk heeft een goed winkelcentrum en het is overal dichtbij.
[11] Laag Dalem is veel beter dan z'n naam. Hele fijne mensen hier.
[11] Het winkelcentrum heeft alles wat je nodig hebt.
[13] Hoog Dalem is een mooie nieuwe wijk met veel groen en water.
[13] {P} Veel jonge gezinnen, de kinderen spelen samen op straat.
[02] Wijdschild is een echte dorpse buurt, iedereen kent iedereen.
[12] In het dorp is het nog ouderwets gezellig, iedereen kent elkaar en helpt elkaar.
Het kinderdagverblijf om de hoek is fantastisch.
Je kunt hier nog gewoon je fiets buiten laten staan.
De opbouwwerker kent iedereen en weet wat er speelt.
Er is een buurtmoestuin waar ik elke week kom, daar heb ik nieuwe mensen leren kennen.
de jaarlijkse opschoondag, toen kwamen er wel 30 mensen
{O} Dat de buurvrouw elke ochtend even kijkt of mijn gordijnen open zijn.
{P} De school doet veel aan ouderbetrokkenheid, er zijn koffieochtenden voor ouders
goeie sfeer in de straat, we hebben een app groep
Er wordt snel gereageerd als er iets kapot is.
De nieuwe led-verlichting, het is 's avonds een stuk lichter.
Rustig wonen maar toch dichtbij de snelweg en het station.
Er zijn genoeg parkeerplaatsen (nog wel).
De huisartsenpraktijk heeft een praktijkondersteuner voor psychische klachten, daar had ik veel aan.
Het park is mooi opgeknapt, met bankjes en een pad waar je met de rolstoel over kan.
Dat er steeds meer jonge gezinnen komen, het wordt weer levendig.
Veel verschillende mensen, dat maakt het interessant.
De wijkagent kent de jongeren bij naam, dat scheelt.
hier kan je nog ff een praatje maken bij de bakker
{O} De seniorenmiddag in de kerk op woensdag, altijd gezellig.
Het voetbalveld wordt goed gebruikt door de jeugd, ook 's avonds.
De vrijwillige ouderenbezoekers, echt goud
We hebben een bewonerscommissie die opkomt voor de huurders
De dokter en de apotheek werken goed samen.
Niet veel maar de buren zijn aardig
Alles is netjes en verzorgd, de gemeente doet haar best.
{P} De gratis sportlessen voor kinderen in de zomervakantie
Er wordt geluisterd. Na onze klachten over het sluipverkeer is er echt wat veranderd.
Weinig overlast, weinig gedoe.
{J} De taalles bij het buurthuis heeft me echt geholpen met mijn werk.
Het uitzicht over de rivier. Daar word ik elke dag blij van.
de kermis elk jaar, gezellig
Dat er een voedselbank is, zonder hen was het ons vorig jaar niet gelukt.
"""

FORMS_GOED_KORT = """
rustig
Rustig
de buren
weinig
Niks
groen
gezellig
alles dichtbij
De rust
veilig
niets
de natuur
Buren
mooi groen
ligging
"""

# --------------------------------------------------------------------------------------
# Answer texts: evaluatie Wmo 2023 (klanttevredenheid)
# --------------------------------------------------------------------------------------

WMO_GOED = """
De medewerker van het wijkteam nam echt de tijd voor me. Ik voelde me gehoord.
{hm} {H} Snel geregeld, binnen 3 weken had ik mijn scootmobiel.
Vriendelijke mensen
Het keukentafelgesprek was prettig; er werd goed gekeken naar wat ik zelf nog kan.
{hh} {H} De huishoudelijke hulp is een schat, ze komt al 2 jaar en we kunnen goed met elkaar opschieten.
Duidelijke uitleg over wat ik kon verwachten.
{wa} {H} De traplift is een uitkomst. Ik kan weer naar boven.
Dat mijn dochter bij het gesprek mocht zijn.
Ze kwamen bij mij thuis, dat scheelde veel want ik kom moeilijk de deur uit.
{db} De dagbesteding, mijn man gaat er met plezier heen en ik heb een paar uur voor mezelf.
{wa} Goede aanpassing van de badkamer, netjes afgewerkt.
Persoonlijk contact met een vaste consulent.
{bg} De begeleider helpt mij met post en geld, nu heb ik weer overzicht.
{L} Weinig eigenlijk.
{vv} Het vervoer naar de dagbesteding is goed geregeld, de chauffeurs zijn vriendelijk.
{hm} De rolstoel is goed afgesteld door de leverancier.
Ik werd serieus genomen. Dat is wel eens anders geweest.
Dat het gesprek niet alleen over de aanvraag ging maar ook over hoe het met mij ging.
Snel een tijdelijke oplossing toen mijn vrouw in het ziekenhuis lag.
{hm} De ergotherapeut die langskwam wist waar ze het over had.
Goed dat er ook aan de mantelzorger gedacht werd, ik kreeg informatie over respijtzorg.
{vv} De Wmo-taxi is meestal op tijd.
Het contact met de cliëntondersteuner was heel prettig, ze ging mee naar het gesprek.
de hulp
Snel antwoord op mijn mail.
{db} Ze hebben rekening gehouden met mijn geloof bij de keuze van de dagbesteding.
{bg} {H} De begeleiding van mijn zoon (autisme) is eindelijk goed geregeld, na jaren strijd.
Er werd gesproken in eenvoudige taal; ik heb moeite met lezen.
{wa} De woningaanpassing werd goed gecoördineerd met de woningcorporatie.
beschikking was duidelijk
Dat ik kon kiezen tussen zorg in natura en een pgb.
{hm} {H} Dat ik weer zelfstandig boodschappen kan doen met de scootmobiel. Ik ben weer vrij!
Het eerste gesprek was fijn, daarna werd het minder.
Ik kreeg een tolk bij het gesprek, dat was heel fijn.
Mijn consulent belde na een maand zelf om te vragen of alles goed ging.
{hh} De hulp komt altijd op tijd en doet meer dan nodig.
{L} niets, alles duurde veel te lang
Dat er een oplossing kwam voor het vervoer naar het ziekenhuis.
De medewerker kende de weg, ze wist precies welke instanties ik nodig had.
{bg} Mijn begeleider helpt me met structuur in de week; ik ga weer naar mijn vrijwilligerswerk.
Niet veel bijzonders, het is prima zo.
Het gesprek met het wijkteam; ze hebben ook naar mijn schulden gekeken en me doorverwezen.
{db} Het personeel bij de dagbesteding is betrokken en heeft oog voor de mensen.
Aanvraag ging vlot.
{wa} Eindelijk een douchestoel en beugels, ik ben niet meer bang om te vallen.
{bg} Dat er een vrijwilliger met mij mee wandelt. Ik kom weer buiten.
{hm} De hulpmiddelen werden thuis bezorgd en uitgelegd.
Goede informatie vooraf per brief én telefonisch.
{hh} Zeer tevreden over de thuiszorgorganisatie.
vriendelijk en behulpzaam
Ik had het gevoel dat ik niet de zoveelste was.
{rz} De logeeropvang voor mijn moeder gaf ons als gezin even rust.
{hh} Na de herindicatie mocht ik gewoon mijn vaste hulp houden.
Er was begrip voor mijn situatie als alleenstaande vader.
{hh} {A91} Ze poetst beter dan ik ooit gedaan heb, en ze is altijd vrolijk. Op mijn 91e ben ik daar blij mee.
De consulent was eerlijk over wat wel en niet kon; liever dat dan valse hoop.
{vv} Met de regiotaxi kan ik weer naar mijn zus en naar de kerk.
Het gesprek ging in mijn eigen tempo; ik mocht zelf vertellen.
{hh} Mijn hulp ziet het als ik een slechte dag heb en maakt dan even tijd voor een kop koffie.
{hm} De rollator werd dezelfde week nog gebracht.
Ik voelde me niet bezwaard om hulp te vragen, ze maakten het heel gewoon.
{vv} De regiotaxi haalt me op tot aan de voordeur en helpt met de rolstoel.
{bg} Mijn begeleider is geduldig en oordeelt niet. Eindelijk iemand die snapt hoe het is met ADHD.
De consulent nam de tijd en stelde goede vragen.
{db} Op de dagbesteding heeft mijn man weer vrienden gemaakt. Hij praat er thuis over.
{wa} {H} De aannemer heeft de badkamer in 4 dagen verbouwd, netjes en schoon achtergelaten.
Het was fijn dat ik zelf mocht kiezen welke zorgaanbieder.
Ik werd teruggebeld op het tijdstip dat was afgesproken.
{hm} Uitleg over het opladen en onderhoud van de scootmobiel was duidelijk.
{rz} Mijn vader kon twee weken logeren toen wij op vakantie gingen. Daarna konden we er weer tegenaan.
De medewerker sprak Turks met mijn moeder, dat maakte veel verschil.
Snel geschakeld na mijn val, de hulp stond er binnen een week.
{hh} {H} Al 5 jaar dezelfde hulp, ze is bijna familie.
{bg} Ik heb hulp gekregen bij mijn schulden en mijn post, ik slaap weer.
Goed dat ook naar mijn dochter (mantelzorger) werd geluisterd.
Er werd niet moeilijk gedaan over een extra uur toen ik net uit het ziekenhuis kwam.
{vv} Met de Wmo-pas kan ik naar de markt, dat is mijn uitje van de week.
{db} De activiteiten zijn leuk: koken, tuinieren, uitstapjes.
Ze stuurden een duidelijke brief én belden om hem uit te leggen.
{wa} Drempels weg, deuren breder, ik kan weer overal komen met de rolstoel.
De wijkverpleegkundige en het wijkteam werkten goed samen.
Fijn dat de cliëntondersteuner een vrijwilliger is en geen belang heeft.
{hm} De tillift maakt het voor mijn man veel makkelijker om mij te helpen.
ik ben geholpen, meer hoef ik niet te weten
het ging snel en zonder gedoe
{bg} De begeleiding is flexibel, als ik een keer niet kan verzetten we het.
Er werd goed uitgelegd wat een pgb inhoudt, zodat ik een goede keuze kon maken.
{hh} Ze doet ook de was en de boodschappen, dat scheelt mijn kinderen veel.
"""

WMO_GOED_KORT = """
Alles
goed
Vriendelijk
Snel geholpen
niets bijzonders
prima
de hulp zelf
Vriendelijk personeel
Goed geholpen
Snel
tevreden
"""

WMO_BETER = """
{L} De wachttijd. Ik heb 14 weken moeten wachten op een gesprek.
{hh} Steeds een andere hulp, ik weet nooit wie er voor de deur staat.
{O} De eigen bijdrage is voor mij te hoog; ik heb alleen AOW.
Communicatie. Ik kreeg geen bericht dat de afspraak was verzet.
{hm} Beter luisteren naar wat de cliënt zelf wil; ik moest een rolstoel maar ik wilde een scootmobiel.
Het aanvraagformulier is te ingewikkeld. Ik heb hulp gehad van mijn zoon, anders was het niet gelukt.
{L} Minder papierwerk; elk jaar opnieuw bewijzen dat ik nog steeds niet kan lopen is vernederend.
{hh} De uren huishoudelijke hulp zijn teruggebracht van 3 naar 2 en dat is te weinig; de ramen en de badkamer blijven liggen.
Telefonische bereikbaarheid van de gemeente. Na 25 minuten in de wacht opgehangen.
{hm} Sneller leveren van hulpmiddelen, de rollator kwam na 7 weken.
{vv} {L} De Wmo-taxi is vaak te laat; ik heb zo al twee keer een afspraak in het ziekenhuis gemist.
De consulent was niet goed op de hoogte van mijn dossier; ik moest alles opnieuw vertellen.
Meer oog voor de mantelzorger, ik ben op.
Uitleg in begrijpelijke taal, de beschikking was voor mij abracadabra.
Dat ze ook 's avonds bereikbaar zijn voor mensen die werken.
{L} Het gesprek was heel kort en zakelijk; ik voelde me een nummer.
{bg} Meer begeleidingsuren; 2 uur per week is niet genoeg om mijn administratie bij te houden.
{db} Dagbesteding op zaterdag zou fijn zijn.
{wa} De traplift werd geplaatst maar de afwerking was slordig; er zit nog steeds een gat in de muur.
De communicatie tussen gemeente en zorgaanbieder; niemand wist wie wat moest doen.
{L} De bezwaarprocedure duurde maanden. Ondertussen had ik geen hulp.
Ik had graag iemand gehad die mijn taal spreekt.
Dat de gemeente beter controleert of de zorgaanbieder wel levert wat is afgesproken.
{vv} Vervoer naar familie in een andere gemeente valt buiten de regeling, dat is jammer want mijn zus woont in Leerdam.
Meer informatie over wat er allemaal mogelijk is; ik hoorde pas via de buurvrouw van de mantelzorgwaardering.
{wa} {L} De wachttijd voor een woningaanpassing is veel te lang, ik slaap al een half jaar beneden in de kamer.
Het is niet duidelijk wie mijn contactpersoon is.
Niet telkens doorverwijzen. "Daar gaan wij niet over" hoor ik te vaak.
{hm} De rolstoel past niet goed, ik krijg er rugpijn van. Aanpassen duurt weken.
{O} Alles gaat digitaal, ik heb geen computer.
Betere afstemming met de huisarts en de wijkverpleging.
{hh} Meer tijd voor een praatje; de hulp moet binnen een uur klaar zijn en rent weer weg.
De eigen bijdrage werd pas maanden later gefactureerd, in één keer een hoog bedrag.
Minder wisselingen van consulent, ik heb er in een jaar drie gehad.
Een terugbelverzoek wordt niet opgepakt.
Dat je niet zelf achter alles aan hoeft te bellen.
De regels rond het pgb veranderen steeds en ik raak het overzicht kwijt.
{hh} Meer aandacht voor eenzaamheid; ik heb nu hulp in huis maar ik zie verder niemand.
{O} Het keukentafelgesprek had eerder gekund, ik lag toen al weken op de bank na mijn heupoperatie.
{O} Er wordt te veel gekeken naar wat de familie kan doen, maar mijn kinderen wonen ver weg en werken fulltime.
{hh} Een vaste hulp, en niet elke keer een invalkracht van een uitzendbureau.
{hm} De scootmobiel heeft geen overkapping; met regen kan ik nergens heen.
{db} De dagbesteding is te ver weg, de reistijd is meer dan een uur per keer.
Maak het makkelijker om een wijziging door te geven.
{L} De toon van de brief was onvriendelijk: "indien u niet reageert wordt uw ondersteuning beëindigd".
Meer ruimte voor maatwerk, niet iedereen past in een hokje.
Uitleg over de kosten vooraf; nu schrok ik van de rekening.
{bg} De beoordeling ging te veel over mijn lichaam en te weinig over mijn angsten; ik kom de deur niet uit.
Ik wist niet dat ik een onafhankelijke cliëntondersteuner kon vragen; vertel dat aan iedereen.
{hh} Meer controle op het schoonmaken; de hulp doet alleen het hoognodige.
{hh} De hulp sprak slecht Nederlands, daardoor veel misverstanden.
Sneller schakelen bij een crisis; toen mijn vrouw opgenomen werd stond ik er alleen voor.
De informatie op de website is verouderd.
{O} De wijkteammedewerker was erg jong en had weinig ervaring met ouderen.
{A84} Dat er in het gesprek meer naar mij werd gekeken dan naar mijn dochter; ik ben 84 maar niet gek.
Geen idee, ging allemaal goed.
{hm} Zorg dat hulpmiddelen ook gerepareerd worden als ze kapot gaan; de scootmobiel staat al 3 weken stil.
Bel me op 06-23456789 dan leg ik het uit, het is te veel om hier te schrijven.
{L} Mail mij: h.vermeulen1952@example.com, ik heb nog steeds geen antwoord op mijn bezwaar.
{wa} Dat de woningcorporatie en de gemeente samen één loket hebben voor aanpassingen.
{hh} {L} Ze is al 4x niet gekomen zonder af te bellen. Ik zit dan voor niks te wachten; mijn dochter moest haar werk afzeggen.
{vv} De chauffeur van de taxi was onbeschoft; en je zit soms een uur in de bus voor een ritje van 10 minuten.
Sommige medewerkers zijn geweldig; anderen hebben er duidelijk geen zin in.
{db} Mijn vrouw wil niet meer naar de dagbesteding omdat ze zich er niet thuis voelt. Er zijn alleen mannen.
Eén keer per jaar een evaluatie is te weinig, mijn situatie verandert snel.
{hh} Bij ziekte van de vaste hulp komt er niemand, ik hoor het pas als ik zit te wachten.
{hm} De scootmobiel is te groot voor mijn berging, nu staat hij in de gang.
{vv} Je moet de taxi een dag van tevoren bestellen, maar de huisarts belt soms dezelfde ochtend.
De brieven komen van verschillende afdelingen en zeggen soms iets anders.
{L} Ik heb het gevoel dat er over mijn rug bezuinigd wordt.
Het duurde 6 weken voordat ik de beschikking kreeg, terwijl de hulp al was afgesproken.
{bg} Mijn begeleider is vaak ziek en er is geen vervanging.
Meer rekening houden met mensen die slecht horen; bellen is voor mij lastig, mail of sms graag.
{db} De dagbesteding stopt om 15.00 uur, ik werk tot 17.00.
{wa} Het onderzoek van de ergotherapeut was pas na 10 weken.
Een vast telefoonnummer waar je een mens aan de lijn krijgt.
{hh} De hulp heeft te weinig tijd om boven ook even te stofzuigen.
De eigen bijdrage stijgt ieder jaar maar de hulp wordt minder.
{rz} Er was maar één logeeradres en dat zat vol.
Graag ook het evaluatiegesprek aan huis, niet op het gemeentehuis.
{vv} Chauffeurs rijden soms hard en ruw, mijn rolstoel schoof door de bus.
Ik wil meer zeggenschap over wanneer de hulp komt.
Meer uitleg over bezwaar maken, ik wist niet dat het kon.
{hm} Bij het ophalen van de oude rolstoel is mijn gang beschadigd.
{bg} De overgang van jeugdhulp naar Wmo bij 18 jaar ging heel slecht, mijn zoon viel tussen wal en schip.
Het digitale formulier liep vast, drie keer opnieuw moeten beginnen.
Niet alleen aan het begin maar ook later nog eens vragen hoe het gaat.
ik snap nog steeds niet wat ik moet betalen
{hh} Het rooster wordt steeds veranderd zonder overleg.
De indicatie is voor een jaar, maar mijn ziekte gaat niet over. Waarom steeds opnieuw?
{L} Ik heb drie keer gebeld en drie keer een ander verhaal gehoord.
Ik mis een overzicht: wie komt wanneer, en wie moet ik bellen als er iets is.
{wa} De trapleuning zit aan de verkeerde kant, ik heb een slechte rechterarm. Niemand heeft het gevraagd.
Meer samenwerking met de woningcorporatie, ik wacht al een jaar op een gelijkvloerse woning.
Het was allemaal prima, alleen de wachttijd.
"""

WMO_BETER_KORT = """
Niets
-
Nvt
Geen
niks
sneller
wachttijd
de wachttijd
Communicatie
niets op aan te merken
"""

# --------------------------------------------------------------------------------------
# Answer texts: jongerenpeiling 2024 (LimeSurvey)
# --------------------------------------------------------------------------------------

JONG_MIS = """
een plek om te chillen waar je niet weggestuurd wordt
Echt niks te doen hier. je moet naar dordt of utrecht voor alles
een voetbalkooi met verlichting zodat je ook in de winter kan
jongerencentrum
Wifi op het plein haha
een skatepark dat niet kapot is
Een plek binnen waar je kunt zitten zonder dat je iets hoeft te kopen. bij de mac word je ook weggestuurd
meer sport voor meiden, alles is voetbal
{J14} bijbaantjes! iedereen zoekt en niemand neemt je aan onder de 16
Een plek om muziek te maken, een studio ofzo
idk
bus die s avonds ook rijdt, nu moet je je ouders bellen om je op te halen
Een goede sportschool die niet duur is voor jongeren
Dat er activiteiten zijn die niet voor kleine kinderen zijn. Alles is voor de basisschool of voor bejaarden
Een festival of zo in de zomer. Er gebeurt NIKS
Gewoon bankjes waar we mogen zitten zonder dat de buren de politie bellen
niks ik ben toch altijd thuis
Meer groen, een park waar je kan chillen met vrienden
een plek om te gamen met anderen, LAN party ofzo
{J19} Meer uitgaansgelegenheden voor 18+. De kroegen in de binnenstad zijn voor oudere mensen
een pannaveldje
Iemand om mee te praten als het niet goed gaat. Ik heb een tijdje op een wachtlijst gestaan voor een psycholoog en had niemand
meer evenementen voor jongeren
Huiswerkplek met hulp, thuis is het te druk om te leren
een basketbalveld
fietsenstalling die veilig is, mijn fiets is 2x gejat
Een plek voor jongeren met een jongerenwerker die je kent. Die van vroeger was chill maar die is weg
Goedkope dingen om te doen, alles kost geld en ik heb geen bijbaan
Eigenlijk niks, ik zit op hockey en dat is genoeg
{J20} Kamers of kleine woningen voor jongeren, ik wil op mezelf maar dat kan nergens hier
een ijsbaan in de winter
Dat er naar ons geluisterd wordt, niet alleen klagen over hangjongeren
Muziekles die niet duur is
een plek waar meiden zich veilig voelen
beter licht in het park
{J13} Er is niks voor 12-15 jarigen. Je bent te oud voor de speeltuin en te jong voor de stad
Een trampolinepark of bowling in gorinchem zelf
Een jongerenraad waar je echt iets te zeggen hebt
Gewoon een hangplek met een dak zodat je niet nat wordt lol
{J17} Stageplekken, ik moet voor school stage lopen maar kan niks vinden in gorinchem
meer activiteiten in de vakantie
zwembad dat vaker open is voor vrij zwemmen
Bioscoop is te duur
Een plek om buiten te sporten, zoals calisthenics
niet echt iets
{J19} Hulp bij geld. Ik heb een schuld bij mijn telefoonabonnement en weet niet hoe ik dat op moet lossen.
Een plek voor lhbti jongeren waar je jezelf kunt zijn.
een bakje koffie/thee plek na school. school en dan meteen naar huis is saai
ff een plek om te zitten met vrienden zonder gezeik
Dat de trein naar school op tijd is!! Elke week vertraging en dan krijg ik een te laat briefje
Meer info over wat er te doen is. Misschien zijn er dingen maar ik weet ze niet, zet het op insta of tiktok
e-sports
sporten die je gewoon kan proberen zonder meteen lid te worden
Schone wc's in het park lol
een plek om te chillen // en meer sport voor meiden
1. jongerencentrum // 2. betere bus // 3. goedkopere sportschool
weet niet
Een plek om te dansen. Nu oefenen we in de fietsenstalling van school
{J12} een speeltuin voor grotere kinderen met een hoge schommel en een kabelbaan
[13] skatebaan in hoog dalem!!
[11] In laag dalem hebben we niks sinds het jongerenhonk dicht is
[01] Er is in de binnenstad niks voor jongeren, alleen winkels en terrasjes voor oude mensen
[04] Een veldje in de Haarwijk om te voetballen dat niet altijd vol staat met grote jongens
[06] mensen van mijn leeftijd, er wonen alleen oude mensen in mijn straat
[13] Een winkel of snackbar in de wijk, nu moet je voor alles naar laag dalem fietsen
[11] een plek om te sporten die ook s avonds open is, het trapveldje is donker
een chill plek bij het water met bankjes
gratis sporten in de buurt, zoals een bootcamp in het park
Er is wel een speeltuin maar alleen voor kleine kids
Een jongerenwerker die ook in het weekend er is
plekken waar je kan leren voor je examens, de bieb zit altijd vol
een boksschool
Een soort buurthuis maar dan voor jongeren, met een pingpongtafel en een bank
een winkel waar je na school snacks kan halen zonder helemaal naar de stad te fietsen
Een plek om aan je scooter te sleutelen
leuke dingen om te doen met vrienden op vrijdagavond
Meer jongeren in de buurt, ik ken hier niemand van mijn leeftijd
Een padelbaan, iedereen doet dat nu maar het is duur
Veilige fietsroute naar school. de rotonde is gevaarlijk
een goeie plek om te voetballen met doelen die niet kapot zijn
Ik mis niks eigenlijk, ik zit bij de scouting
Een plek waar je kan praten over mentale dingen zonder dat je ouders het weten
Activiteiten in het Engels, ik spreek nog niet zo goed Nederlands
Bijles die gratis is
gewoon wat meer leven, het is hier zo saai s avonds
een buitenfitness
concerten of een open podium voor jongeren
Graffitimuur waar het mag
Een zwemplek in de zomer die schoon is
een hangplek bij de supermarkt zonder dat de boa's je wegjagen
Ik mis mijn vrienden, die wonen allemaal in een andere wijk
een plek om met je hond te lopen en vrienden te zien lol
huiswerkbegeleiding bij mij in de buurt
echt nix
"""

JONG_MIS_KORT = """
niks
weet ik niet
jongerencentrum
een hangplek
meer sport
geen idee
idk
weet niet
meer activiteiten
niks eigenlijk
sportveld
"""

JONG_BURGEMEESTER = """
Ik zou een groot jongerencentrum bouwen met een studio, sportzaal en een kantine
Gratis OV voor jongeren
meer politie bij de scholen, er wordt veel gevochten en gefilmd
Alle hangjongeren een bijbaan geven haha
niks, ik zou geen burgemeester willen zijn
De bus elk kwartier laten rijden ook s avonds
Meer geld naar de jeugd en minder naar dingen voor toeristen
Vuurwerkverbod. Mijn hond gaat dood van angst
Een festival organiseren op de wallen
{J18} Zorgen dat iedereen een huis kan krijgen, ook jongeren. Mijn broer woont met 24 nog thuis
Ik zou naar de jongeren luisteren. Gewoon langskomen op school en vragen wat we willen
De speeltuinen opknappen voor mijn kleine zusje
Meer psychologen zodat je niet maanden hoeft te wachten
meer prullenbakken, het is echt vies overal
Drugsdealers weg uit de wijk
de scholen beter maken, onze school is oud en koud
Ik zou meer bankjes en afdakjes neerzetten waar jongeren mogen zitten
Een McDonalds dichterbij lol
Alle fietspaden verlichten
gratis sporten tot je 18 bent
Ik zou zorgen dat de kermis langer blijft
Meer bomen en natuur, klimaat is belangrijk
de wifi in de bieb sneller maken
Meer controle op scooters die te hard rijden, ik werd bijna aangereden
{J16} Dat er een plek komt om te feesten voor 16+ zonder alcohol
Meer geld voor gezinnen die het moeilijk hebben, ik zie het bij vrienden dat ze nooit mee kunnen met uitjes
De stad minder saai maken
een jongerenraad met echte macht
Een zwembad met glijbanen
pff geen idee. misschien meer feestjes
{J19} Discriminatie aanpakken, ik word vaak gecontroleerd door de politie en mijn witte vrienden niet
{J18} Betaalbare rijlessen voor jongeren die een baan willen
{J17} Het OV-abonnement voor mbo-studenten goedkoper maken, hbo en uni krijgen het wel
Ik zou elk jaar met jongeren praten in elke wijk
meer camera's bij het station
Zorgen dat je op school hulp kan krijgen als je thuis problemen hebt
Een grote trampolinehal
Meer kledingwinkels, primark!!
Een ijsbaan op de markt in de winter
De straten opknappen, alles is kapot bij ons
Dat oude mensen en jongeren meer samen doen, mijn oma is heel eenzaam
alles gratis maken haha
Bijles voor iedereen die het nodig heeft, niet alleen voor rijke kinderen
Een plek waar je je fiets gratis kan maken
minder regels voor jongeren, we mogen nergens komen
Meer wc's in de stad
Het station veiliger maken s avonds
Een vaste jongerenwerker per wijk die je gewoon kan appen
Een pumptrack!
Een strandje aan de Merwede
{J21} Meer woningen bouwen voor starters, en niet alleen dure koophuizen
stoppen met enquetes en gewoon iets doen
Iedereen een gratis fiets
Ik zou: // - meer sport // - meer plekken om te chillen // - de bus vaker laten rijden
Zorgen dat pesten op school echt aangepakt wordt. Bij mij deed niemand iets // en toen ben ik van school gewisseld
1. meer sport // 2. gratis festival // 3. minder huiswerk lol
Een app van de gemeente voor jongeren met alles wat er te doen is
{J12} een dierenweide met geitjes
Ik zou de jongerenwerkers meer geld geven, die doen echt veel
Meer aandacht voor jongeren die mantelzorger zijn, ik zorg voor mijn moeder en niemand op school weet dat
Dat je als jongere ook mag meedoen met beslissingen, niet alleen een enquête
[13] een winkel en een snackbar in hoog dalem
[11] het park in laag dalem opknappen en lampen erin
De bussen naar Utrecht vaker laten rijden
Een groot feest op koningsdag voor jongeren
Meer sportvelden en die dan ook onderhouden
ik zou zorgen dat iedereen gratis internet heeft
De huur omlaag voor jonge mensen
Een skatepark bouwen en mij laten meedenken
Jongeren betalen voor vrijwilligerswerk
Meer leraren, bij ons vallen zoveel lessen uit
Een plek voor jongeren met problemen thuis, waar je kan slapen als het echt niet gaat
een jongerenfestival in het park
mensen die afval op straat gooien een boete geven
De hangplekken niet weghalen maar beter maken
minder politie die jongeren lastigvalt zonder reden
Meer licht op straat, als meisje voel ik me s avonds niet veilig
Alle scholen een schoolpsycholoog
Een bioscoop met studentenkorting
Elke wijk een basketbalveld
ik zou vaker naar de wijken gaan en met mensen praten
de trein naar Dordt vaker en goedkoper
Ik zou zorgen dat je vanaf 16 mag stemmen voor de gemeenteraad
Een gratis zomerschool met leuke dingen
meer dieren en natuur in de stad
niks veranderen, het is oké
Geld naar de voedselbank, mijn klasgenoot gaat er soms heen
Meer evenementen op de Grote Markt voor jonge mensen
Goedkopere sportclubs
Een plek waar jongeren en ouderen samen kunnen koken
Alle kapotte fietspaden maken
Ik zou de burgemeester op tiktok zetten zodat jongeren weten wat er gebeurt
"""

JONG_BURGEMEESTER_KORT = """
geen idee
weet ik niet
meer dingen voor jongeren
idk
weet niet
geen idee eigenlijk
meer voor jongeren
alles
"""

JONG_CONTACT = """
06-87654321
mail me: sem.vd.linden@example.com
jazeker, 0612398745 (Noor)
lotte2008@example.com
via school graag
"""

# --------------------------------------------------------------------------------------
# Notes: dialoogweek sociaal domein oktober 2023 (hand-kept workbook)
#   "=== wijk" starts a table conversation, rows: leeftijd | notitie | onderwerp | actie [| wijk]
# --------------------------------------------------------------------------------------

DIALOOG = {
    ("Buurthuis De Hoeksteen", "Buurthuis De Hoeksteen, Haarwijk – dinsdag 10 oktober 2023, 14.00-16.30", "Marieke (wijkteam)"): """
=== Haarwijk
75+ | Mevr. woont alleen sinds overlijden man (2021). Komt bijna niet buiten, kinderen wonen in Utrecht. "Ik praat meer tegen de tv dan tegen mensen." | eenzaamheid | doorgezet naar wijkteam, huisbezoek
ca. 70 | Dhr. (buurman van mevr. hierboven) zegt dat er vroeger veel meer te doen was in het buurthuis: biljart, klaverjassen. Wil helpen als vrijwilliger als er iets opgezet wordt. | ontmoeting / vrijwilligers | naam + tel. op papieren lijst
ca. 70 | Klaagt over losliggende stoeptegels voor de flat, is er al 2x bijna over gevallen met rollator. | openbare ruimte | melding gemaakt BOR
=== De Haarwijk
35-40 | Moeder van 3, alleenstaand. Rondkomen lukt niet meer sinds energierekening omhoog is. Schaamt zich om naar de voedselbank te gaan. | armoede | info schuldhulp + energiefonds meegegeven
35-40 | Zegt ook dat haar oudste (14) niks te doen heeft na school en veel op zijn telefoon zit. | jeugd |
ca. 40 | Vader, werkt in ploegendienst. Kan nooit naar bewonersavonden omdat die altijd doordeweeks om 19.30 zijn. Wil liever online meedenken. | participatie |
=== Stalkaarsen
60-65 | Mantelzorger voor moeder (dementie) die in de Gildenwijk woont. Gaat er elke dag heen, "mijn eigen leven staat stil". Kent respijtzorg niet. | mantelzorg | folder mantelzorgsteunpunt gegeven
ca. 60 | Vindt dat de gemeente veel belooft en weinig doet. "Vorig jaar ook zo'n avond, wat is daarmee gebeurd?" | vertrouwen / participatie | terugkoppeling vorige dialoogweek sturen!
=== Haarwijk
20-25 | Jonge vrouw, net verhuisd, kent niemand in de straat. Zou graag vrijwilligerswerk doen maar weet niet waar. | ontmoeting | doorverwezen vrijwilligerscentrale
ca. 80 | Dhr. met COPD. Huisarts prima maar apotheek bezorgt niet meer. Wacht al maanden op een gelijkvloerse woning. | zorg / wonen |
ca. 45 | Stoort zich aan de hangjongeren bij het pleintje, maar zegt er direct bij dat "het wel goeie jongens zijn, ze vervelen zich gewoon". Wil jongerenwerker terug. | jeugd / overlast |
ca. 45 | Graag vaker groenonderhoud, perkjes zijn kaal. | groen |
=== Lingewijk
70+ | Echtpaar, beiden 70+. Vinden de wijk goed maar missen een bushalte dichterbij sinds de route is gewijzigd. Met de taxi naar het ziekenhuis is duur. | OV / vervoer | meegenomen naar verkeer
70+ | Mevr. vult aan: bij de gemeente krijg je niemand meer aan de telefoon, alles moet via internet. Kleinzoon helpt. | communicatie |
=== Haarwijk
30-35 | Spreekt Arabisch en een beetje Nederlands (buurvrouw tolkt). Wil graag taalles in de avond, overdag werkt hij in de kassen. Kinderen gaan goed op school. | taal / werk | info taalhuis bibliotheek
30-35 | Vrouw van dhr. hierboven: zou graag andere moeders ontmoeten, voelt zich alleen. | eenzaamheid / ontmoeting | uitnodiging moedergroep buurthuis
ca. 50 | Vrijwilliger bij de voedselbank. Ziet steeds meer werkende mensen komen, "niet alleen mensen met een uitkering". | armoede |
ca. 50 | Vindt dat de gemeente meer moet samenwerken met kerken en moskee, "daar kennen ze de mensen". | participatie / samenwerking |
=== Stalkaarsen
ca. 30 | Jonge vader met peuter. Speeltuin is verouderd, glijbaan kapot. Wil meedenken over nieuwe inrichting. | speelplekken | mailadres genoteerd voor werkgroep
ca. 30 | Parkeren na 18.00 niet te doen. | parkeren |
65-70 | Oud-verpleegkundige, nu vrijwilliger bij de huiskamer in het buurthuis. Vrijwilligers zijn op, "we draaien met 4 mensen wat er 10 moeten zijn". Vraagt om vrijwilligersvergoeding. | vrijwilligers |
=== Haarwijk
16 | Jongen (16), kwam mee met moeder. Vindt dat jongeren altijd de schuld krijgen. Wil een voetbalkooi met licht. | jeugd |
ca. 45 | Moeder: zoon heeft ADHD, wachtlijst jeugdhulp 9 maanden. School weet ook niet wat te doen. "Ondertussen loopt het thuis uit de hand." | jeugd / zorg | doorgezet wijkteam jeugd, TERUGBELLEN
=== ?
ca. 55 | Dhr. wilde niet zeggen waar hij woont. Boos over de afvalstoffenheffing en de nieuwe containers, "je moet nu een heel stuk lopen met je zak". | afval |
ca. 55 | Wil dat het gemeentehuis langer open is. | communicatie |
=== Haarwijk
75+ | Mevr. heeft veel aan de wijkverpleegkundige, "ze is er altijd". Merkt wel dat die het heel druk heeft. | zorg |
ca. 65 | Net met pensioen, zoekt zinvolle bezigheid. Zou het leuk vinden om taalmaatje te worden. | vrijwilligers / taal | doorgestuurd naar taalhuis
ca. 40 | Woont in huurwoning met schimmel. Kinderen vaak ziek (astma). Corporatie reageert niet. | wonen / gezondheid | melding woningcorporatie, terugkoppelen
ca. 40 | Kan ook geen huisarts vinden sinds haar eigen huisarts gestopt is. | zorg |
=== Lingewijk
ca. 60 | Dhr. is zelf mantelzorger voor zijn vrouw (beroerte). Zegt dat hij er "nog net" bij kan werken. Kent de mantelzorgwaardering niet. | mantelzorg / werk | info mantelzorgwaardering
ca. 35 | Vrouw, werkt bij de kinderopvang, ziet kinderen die zonder ontbijt komen. | armoede / jeugd | | Gildenwijk
""",
    ("Bibliotheek Gorinchem", "Bibliotheek Gorinchem (binnenstad) – woensdag 11 oktober 2023, 10.00-13.00", "Jeroen (beleid sociaal domein)"): """
=== binnenstad
ca. 70 | Mevr. komt elke week in de bieb voor de krant en de koffie. "Hier zie ik tenminste mensen." Jammer dat de openingstijden zijn ingekort. | eenzaamheid / ontmoeting |
ca. 35 | Vrouw (Pools), werkt in distributiecentrum. Wil Nederlands leren maar de cursussen zijn overdag. Kinderen vertalen de brieven van de gemeente. | taal / communicatie | info taalhuis avondgroep
=== Gildenwijk
ca. 80 | Dhr. 83, slechtziend. Kan formulieren niet meer lezen, dochter woont in Breda. Krijgt post van de belastingdienst die hij niet begrijpt. | laaggeletterdheid / informatie | verwezen naar spreekuur Geldzaken bieb
ca. 80 | Bankjes in het park zijn weggehaald, "waar moet je dan uitrusten?" | openbare ruimte |
=== Laag Dalem
25-30 | Student (hbo, reist naar Rotterdam). Treinen vallen te vaak uit. Wil een kamer in Gorinchem maar vindt niks. | OV / wonen |
ca. 45 | Moeder, werkt parttime. Schulden door terugvordering toeslagen. Durft niet meer naar instanties. "Ik vertrouw niemand meer." | schulden / vertrouwen | warme overdracht schuldhulp (met toestemming)
ca. 45 | Zegt: op school krijgen kinderen wel ontbijt, "maar in de vakantie?" | armoede / jeugd |
=== Lingewijk
60-65 | Dhr. doet mee aan de computercursus. Goed dat de gemeente dit organiseert. Zou meer digitale hulp in de wijk zelf willen. | digitale vaardigheden |
ca. 40 | Vader van 2, ziet veel eenzaamheid bij oudere buren. Heeft zelf een WhatsApp-groep voor de straat opgezet. Vraagt hoe je mensen zonder smartphone bereikt. | ontmoeting / communicatie |
=== Wijdschild
ca. 70 | Mevr. en haar vriendin, beiden weduwe. Gaan samen naar de bieb en het koor. "Wij redden ons wel, maar er zijn er genoeg die niks hebben." | ouderen / eenzaamheid |
ca. 70 | Vriendin vult aan: de bus naar het centrum rijdt op zondag niet. | OV |
=== centrum
17 | Scholiere (havo), maakt huiswerk in de bieb omdat het thuis te druk is. Wil meer studieplekken, zaterdag om 17.00 dicht. | onderwijs / jeugd |
ca. 50 | Dhr. werkzoekend sinds reorganisatie. Voelt zich niet gezien door UWV en gemeente, "je bent een nummer". Wil omscholen naar de zorg. | werk / inkomen | info Leerwerkloket
=== Hoog Dalem
ca. 35 | Moeder, 2 kinderen, net verhuisd. Geen huisarts kunnen vinden, "we staan op 3 wachtlijsten". | zorg / huisarts | knelpunt huisartsen meenemen!
ca. 35 | Mist een ontmoetingsplek in de wijk: "alleen huizen en een speeltuintje". | ontmoeting |
=== Haarwijk
ca. 75 | Dhr. gebruikt de computers in de bieb omdat hij thuis geen internet heeft. Vindt DigiD lastig. | digitaal / informatie | verwezen Digisterker-cursus
=== Stalkaarsen
ca. 55 | Mantelzorger voor zoon (22) met verstandelijke beperking. Zorgen over wonen als zij er niet meer is. Wachtlijst beschermd wonen "jaren". | mantelzorg / wonen |
ca. 55 | Het mantelzorgcompliment is klein maar "het gaat om de erkenning". | mantelzorg |
=== weet niet
ca. 30 | Man zonder vaste woonplek, slaapt bij vrienden. Zoekt hulp met wonen en werk. | wonen / dakloosheid | doorverwezen Sociaal Loket, zelfde dag gebeld
=== Gildenwijk
ca. 65 | Mevr., vrijwilliger bij de bieb, leest voor aan kinderen. Ziet dat veel kinderen thuis geen boeken hebben. | onderwijs / taal |
ca. 65 | Vindt dat de gemeente te weinig laat zien wat er met de inbreng gebeurt. | participatie |
=== binnenstad
ca. 40 | Ondernemer in de binnenstad. Zwerfafval en wildplassen na het uitgaan. Wil samen met gemeente iets opzetten. | overlast / afval | contact wijkregisseur binnenstad
=== Laag Dalem
ca. 50 | Vrouw met burn-out, een jaar thuis. Weinig contact, wachtlijst GGZ. Vond het fijn dat ze "gewoon even kon praten". | mentale gezondheid / eenzaamheid | met toestemming doorgezet wijkteam
ca. 25 | Jonge vader, werkt in de bouw. Zou graag sporten maar sportschool is te duur. Buitensportplek in de wijk? | sport / bewegen |
=== ?
ca. 70 | Dhr. vindt dat "er te veel geld naar nieuwkomers gaat". Wil meer voor de eigen ouderen. | ouderen |
ca. 60 | Mevr. naast dhr. reageert: haar buurvrouw uit Eritrea is juist degene die boodschappen voor haar doet. | ontmoeting |
=== Schelluinsestraat
ca. 60 | Dhr. heeft last van vrachtverkeer en trillingen, scheuren in de gevel. Al vaker gemeld. | verkeer | doorgezet naar verkeer, terugkoppeling
=== buiten Gorinchem
ca. 45 | Woont in Hardinxveld, werkt in Gorinchem in de thuiszorg. Ziet veel ouderen die alleen zijn en "de hele dag niemand anders zien dan mij". | eenzaamheid / zorg |
=== Hoog Dalem
ca. 40 | Vader, vraagt of de bieb ook in Hoog Dalem een uitleenpunt kan openen. Veel kinderen in de wijk. | onderwijs / voorzieningen |
=== Wijdschild
ca. 75 | Dhr., weduwnaar, vindt het "prima zo". Komt voor de schaakclub. | - |
""",
    ("Wijkcentrum Dalem", "Wijkcentrum Dalem – donderdag 12 oktober 2023, 19.00-21.30", "Fatima (opbouwwerk)"): """
=== Laag Dalem
ca. 40 | Moeder, werkt in de schoonmaak. Kinderen (8 en 11) spelen buiten maar speelplekken zijn "vies en kapot". Glas bij het trapveldje. | speelplekken / afval | melding BOR + foto
ca. 40 | Buurvrouw van mevr.: "de jongeren krijgen altijd de schuld maar er is hier niks voor ze". | jeugd |
ca. 45 | Dhr. in de bijstand, zoekt werk. Krijgt alleen maar "cursussen". Wil gewoon een baan. | werk |
=== laag dalem
ca. 70 | Mevr. woont 40 jaar in Laag Dalem. De wijk is veranderd, "je kent niemand meer". Gaat wel naar de koffieochtend hier. | eenzaamheid / ontmoeting |
ca. 70 | De koffieochtend is "het enige waar ik naar uitkijk in de week". Graag twee keer per week. | ontmoeting | meegenomen naar wijkcentrum
ca. 75 | Dhr., weduwnaar. Kookt niet, eet vaak brood. Zou graag samen eten met anderen. | eenzaamheid / gezondheid | info buurtmaaltijd
=== Hoog Dalem
30-35 | Vader van drie, beide ouders werken. BSO vol. Oma past op maar wordt ouder. | jeugd / werk |
30-35 | Verkeerssituatie bij de basisschool is gevaarlijk. "Wachten op een ongeluk." | verkeer | doorgezet naar verkeer
ca. 35 | Wil meedoen aan een buurtinitiatief (moestuin, buurtbarbecue), weet niet hoe je dat aanvraagt. | participatie | info bewonersinitiatieven + wijkbudget
=== Wijdschild
ca. 65 | Dhr., mantelzorger voor vrouw met MS. Moe. Huishoudelijke hulp is teruggebracht. Zit "op het randje". | mantelzorg / Wmo | doorgezet mantelzorgconsulent, terugbellen
ca. 65 | Vraagt of er vervangende zorg is zodat hij een weekend naar zijn broer kan. | mantelzorg |
=== Laag Dalem
15 | Meisje (15), kwam met vriendin. Voelt zich 's avonds niet veilig bij de onderdoorgang, "daar staan altijd jongens". Meer licht. | veiligheid | meegenomen naar wijkschouw
15 | Vriendin: "er is alleen voetbal, wij willen dansen of zo". | jeugd / sport |
=== Dalem
ca. 60 | Dhr. uit het dorp Dalem. Voelt zich "vergeten door de stad". Geen bus, geen winkel. Jongeren trekken weg. | bereikbaarheid / participatie |
ca. 55 | Vrouw, ook uit het dorp, organiseert de jaarlijkse buurtdag. Vindt de subsidieaanvraag veel te ingewikkeld. | vrijwilligers / participatie | contactgegevens buurtdag genoteerd
=== Laag-Dalem
ca. 35 | Moeder (Turks-Nederlands), wil vrijwilliger worden maar heeft geen idee waar. Kinderen zitten op de basisschool in de wijk. | vrijwilligers | doorverwezen
ca. 50 | Vrouw met reuma, loopt slecht. Stoepen scheef, geen verlaagde stoepranden bij de oversteek naar de winkels. | toegankelijkheid | melding + foto's
ca. 50 | Huisarts is goed maar "je komt er niet tussen", telefonisch spreekuur altijd bezet. | zorg / huisarts |
=== Hoog Dalem
ca. 40 | Dhr., werkt in de ICT. Vindt de wijk fijn, maar "er is geen hart". Wil een plein met horeca. | ontmoeting |
ca. 40 | Woont naast een gezin met veel ruzie, maakt zich zorgen om de kinderen. Weet niet of hij iets moet melden. | veiligheid / jeugd | info Veilig Thuis meegegeven
=== Laag Dalem
ca. 80 | Mevr. heeft alarmknop, tevreden over thuiszorg. Maar "steeds andere gezichten". | zorg |
ca. 55 | Zoon van mevr.: werkt fulltime, komt elke avond langs. Moe. Kent mantelzorgondersteuning niet. | mantelzorg | folder meegegeven
=== Wijdschild
ca. 45 | Vrouw, werkt bij de supermarkt. Prima wijk, rustig. Wel veel hondenpoep. | afval / groen |
=== Laag Dalem
ca. 25 | Jonge vrouw met baby, alleenstaand. Woont bij haar ouders, wachtlijst sociale huur "minstens 8 jaar". | wonen |
ca. 25 | Geldzorgen, kinderopvangtoeslag ingewikkeld. | armoede | info Geldpunt
=== Hoog-Dalem
13 | Jongen (13) met skateboard. Skatebaan te klein en kapot. "Dan gaan we maar op de parkeerplaats, en dan worden we weggestuurd." | jeugd / speelplekken |
ca. 38 | Moeder van de jongen wil meedenken over de skatebaan. Mail: j.smit.hd@example.com | participatie | mail genoteerd
=== ?
ca. 60 | Dhr. kwam alleen voor de koffie, wilde verder niets kwijt behalve dat "het toch allemaal al besloten is". | vertrouwen |
=== laag dalem
ca. 30 | Statushouder (Syrië), 3 jaar in NL. Taalles gestopt na inburgering, wil verder maar moet zelf betalen. Werkt via uitzendbureau. | taal / werk | info taalhuis
ca. 30 | Wil graag Nederlanders ontmoeten, "al mijn contacten zijn met mensen uit Syrië". | ontmoeting | koppeling taalmaatje
ca. 70 | Mevr. naast hem zegt dat ze dat best wil, "kom maar eens koffie drinken". Contact gelegd! | ontmoeting |
=== Laag Dalem
ca. 45 | Dhr. heeft last van drugsoverlast in de portiek. Bang om te melden. | veiligheid | anoniem doorgegeven aan wijkagent
ca. 45 | Zijn vrouw: ze willen verhuizen maar er is niets te vinden. | wonen |
=== Dalem (hoog)
ca. 30 | Jonge moeder, werkt thuis. Voelt zich eenzaam in de nieuwbouw, "iedereen is overdag weg". | eenzaamheid |
=== Wijdschild
ca. 70 | Echtpaar, tevreden over de wijk. Wel zorgen over de dijk en het water bij hoogwater. | veiligheid / openbare ruimte |
""",
    ("Markt Binnenstad", "Weekmarkt, Grote Markt – maandag 9 oktober 2023, 9.00-12.30 (kraam gemeente)", "Sandra (wijkregisseur)"): """
=== Binnenstad
ca. 70 | Mevr. op scootmobiel: kinderkopjes in de binnenstad "verschrikkelijk". Kan niet over de bruggen naar de markt. | toegankelijkheid |
ca. 55 | Parkeervergunning te duur, bezoekers moeten betalen. Familie komt minder vaak. | parkeren |
ca. 35 | Te veel lege winkels, binnenstad "gaat dood". | economie / winkels |
=== Gildenwijk
ca. 75 | Echtpaar, komt elke week met de bus naar de markt. Bus rijdt minder vaak. | OV |
ca. 75 | Vrouw: "Als de markt weggaat, zie ik niemand meer." | eenzaamheid |
=== centrum
ca. 45 | Marktkoopman, woont boven zijn zaak. Overlast uitgaanspubliek. | overlast |
=== Arkel
ca. 50 | Vrouw uit Arkel, doet hier boodschappen. Vindt de binnenstad mooi maar duur. | - |
=== Haarwijk
20 | Jongen (20), mbo. Zoekt bijbaan en woonruimte. "Alles is duur." | werk / wonen |
ca. 60 | Mevr.: "niemand vraagt ons ooit iets, fijn dat jullie hier staan". Liever zo'n gesprek op de markt dan een avond in het stadhuis. | participatie |
=== Lingewijk
80+ | Dhr. 84, valt regelmatig. Heeft hulp nodig bij douchen, durft het niet te vragen. Dochter weet het niet. | zorg / ouderen | met toestemming doorgezet, huisbezoek
ca. 55 | Dochter (was er toch bij): "Pap, waarom heb je dat nooit gezegd?" Gaan samen bellen. | mantelzorg |
=== Stalkaarsen
ca. 40 | Moeder: zoon (10) wordt gepest op school, school doet niks. | jeugd / onderwijs |
=== Binnenstad
ca. 65 | Dhr. zit in de bewonersvereniging binnenstad. Waardeert het overleg met de gemeente, maar "de beslissingen vallen toch elders". | participatie |
ca. 30 | Jonge vrouw, huurt klein appartement boven winkel. Huur 1100 euro, "bijna mijn hele salaris". | wonen / inkomen |
=== Laag Dalem
ca. 50 | Dhr. staat op de markt, woont in Laag Dalem. Vindt dat de wijk onterecht een slechte naam heeft. Veel saamhorigheid. | imago / ontmoeting |
ca. 50 | Vrouw van dhr.: zwerfafval rond de containers is wel echt een probleem. | afval |
=== Gildenwijk
ca. 70 | Mevr. was vroeger vrijwilliger bij de ouderensoos, die is gestopt. "Er kwamen te weinig mensen, maar er was ook niemand die het wilde trekken." | vrijwilligers / ontmoeting |
ca. 40 | Vrouw, gescheiden, twee banen. Kan de sportclub van de kinderen niet betalen. Kent Jeugdfonds Sport niet. | armoede / sport | info Jeugdfonds meegegeven
=== Hoog Dalem
ca. 35 | Vader, blij met de wijk, "veel kinderen, veel groen". Wel: geen huisarts. | huisarts |
=== buiten Gorinchem
ca. 60 | Dagjesmens uit Utrecht, vond Gorinchem prachtig. (niet relevant) | - |
=== Wijdschild
ca. 70 | Mevr. met hond. Losliggende tegels op de dijk, vorig jaar gevallen. | openbare ruimte | melding
=== Binnenstad
85+ | Mevr. 87, woont al 60 jaar binnen de vesting. Vindt het stil geworden in haar straat. Veel vakantieverhuur. | eenzaamheid / wonen |
ca. 45 | Dhr. met psychische klachten, wil graag vrijwilligerswerk doen maar wordt "overal afgewezen". | mentale gezondheid / werk | doorverwezen vrijwilligerscentrale
=== Laag Dalem
16 | Twee meiden (16). "Er is hier niks voor ons." Willen een jongerencafé. | jeugd |
=== Lingewijk
ca. 40 | Vrouw, werkt in de kinderopvang. Ziet kinderen met taalachterstand. Meer voorlezen, meer vve-plekken. | onderwijs / taal |
=== Papland
ca. 60 | Dhr. woont in Papland, "een beetje buiten alles". Fietspad naar de stad slecht verlicht. | verkeer / veiligheid |
=== ?
ca. 50 | Vrouw, wilde niets zeggen over haar wijk. Al 2 jaar ruzie met de gemeente over een boete. Boos. | vertrouwen |
=== Gildenwijk
ca. 80 | Dhr. met rollator, komt elke week. Mist het postkantoor en de bank in de wijk. | voorzieningen / ouderen |
ca. 80 | Zijn vrouw: "de kinderen doen alles via de computer voor ons, maar die hebben het ook druk". | informatie / mantelzorg |
=== Binnenstad
ca. 30 | Moeder met bakfiets: te weinig speelplekken binnen de vesting. | speelplekken | | centrum
""",
}

DIALOOG_TOELICHTING = """
Dialoogweek Sociaal Domein – oktober 2023
Van maandag 9 tot en met donderdag 12 oktober 2023 hebben medewerkers van de gemeente, het wijkteam en het opbouwwerk op vier plekken in Gorinchem gesprekken gevoerd met inwoners over wat goed gaat en wat beter kan in het sociaal domein: zorg en ondersteuning, ontmoeting, geldzaken, jeugd, wonen en meedoen.
Per locatie is er een tabblad. De notulist heeft per gesprek kort opgeschreven wat de bewoner zei. Bij tafelgesprekken met meerdere bewoners uit dezelfde wijk is de wijk één keer ingevuld (cellen samengevoegd). Lege regels scheiden de tafels of gesprekken.
De leeftijd is geschat door de notulist en niet gevraagd. De kolom Onderwerp is tijdens of direct na het gesprek ingevuld en volgt geen vaste lijst. Een vraagteken bij Wijk betekent dat de bewoner dat niet wilde of kon zeggen.
Namen en telefoonnummers van bewoners die teruggebeld willen worden staan niet in dit bestand maar op de papieren lijst bij het wijkteam.
Vragen over dit bestand: team Beleid Sociaal Domein.
(Voorbeeldbestand Wijkbeeld: alle gesprekken en personen in dit bestand zijn verzonnen.)
"""

# --------------------------------------------------------------------------------------
# Notes: ophaalgesprekken wijkteam 2024 (street conversations near supermarkets)
# --------------------------------------------------------------------------------------

OPHAAL = """
Mevr. vindt de wijk prima, alleen te weinig bankjes onderweg naar de supermarkt.
{O} {A83} "Ik spreek soms een hele week niemand." Dhr. 80+, weduwnaar.
{J} Jonge moeder, geldzorgen, boodschappen worden steeds duurder. Kent het Geldpunt niet.
Klacht over parkeren: mensen van buiten de wijk parkeren hier voor de supermarkt.
{O} Dhr. wil graag helpen met klussen bij ouderen, is net met pensioen.
{Y} Jongeren (3) bij de ingang. Willen een hangplek met dak. "Hier worden we steeds weggestuurd."
{O} Mevr., mantelzorger van haar man met dementie, doet snel boodschappen want hij kan niet lang alleen zijn. Is op.
Te weinig toezicht 's avonds op het parkeerterrein, auto opengebroken.
Vindt de buurt schoon en netjes. Geen klachten.
Busverbinding naar het ziekenhuis is slecht, 2x overstappen.
{Y} Student, zoekt een kamer, niets te vinden in Gorinchem.
{O} Vrouw met rollator: stoepen te smal door geparkeerde auto's en fietsen.
{A58} Dhr. 58, werkloos sinds een jaar, "te oud voor de arbeidsmarkt".
"De gemeente? Die zie je nooit." Wil best meedenken als het dichtbij is.
{O} Mevr. is tevreden over het wijkteam, heeft haar geholpen met de aanvraag huishoudelijke hulp.
Moeder van 2 pubers. Zorgen over drugs en vapes rond de school.
Dhr. is vrijwilliger bij de voetbalclub, zoekt meer vrijwilligers, "het zijn altijd dezelfde 5".
Afvalinzameling rommelig, containers vaak vol.
{O} {A72} Mevr. 70+, geen smartphone, mist informatie van de gemeente. Leest wel de krant.
{J} Jonge vader: "Meer speelplekken voor de kleintjes, en schoon graag."
Mevr. met Turkse achtergrond zou graag naar een vrouwengroep gaan. Kent die niet.
Overlast van buren met harde muziek, corporatie doet niks.
Dhr. maakt zich zorgen om buurman die zichzelf verwaarloost. Wie moet hij bellen?
Mevr. fietst elke dag naar haar werk, fietspad slecht onderhouden.
"Alles is duur geworden, we eten minder vlees en de verwarming staat op 17."
{A19} Jongen (19) wil rijbewijs halen voor werk maar kan het niet betalen.
{O} Twee vriendinnen 65+, wandelen elke ochtend samen. Willen een wandelgroep opzetten. Hoe?
Mevr. heeft last van angst en somberheid, wachtlijst psycholoog. Wilde er niet veel over kwijt.
Dhr. vindt dat de gemeente te veel geld uitgeeft aan "rapporten en adviesbureaus".
Moeder: kinderen kunnen niet veilig naar school fietsen, drukke kruising.
Mevr. werkt in de thuiszorg, ziet veel eenzame ouderen. Te weinig tijd per cliënt.
Tevreden, "fijne buurt, fijne buren".
{A45} Dhr. 45, ex-verslaafd, zoekt dagbesteding of werk. Heeft hulp bij schulden.
Vrouw met 3 kinderen, man werkt ver weg. Voelt zich alleen. Zou graag andere moeders leren kennen.
{O} Mevr.: er is geen pinautomaat meer, voor ouderen lastig.
{Y} Jongeren willen een voetbalkooi, "die op het veldje is stuk".
Dhr. met hond: veel zwerfafval langs het water.
Klaagt over snelheid van auto's, wil drempels.
Vrouw zoekt taalles voor haar moeder (65), die spreekt bijna geen Nederlands.
Mevr.: er gebeurt te weinig met meldingen via de app. "Ik meld niks meer."
{A90} Dhr. 90 (!), doet nog zelf boodschappen. Trots. Zoon belt elke dag.
{O} Echtpaar 70+ wil kleiner wonen, gelijkvloers, maar er is geen geschikte woning in de wijk.
"Ik vertrouw de gemeente niet meer na de toeslagenaffaire."
Mevr. helpt buurvrouw met boodschappen, "dat doe je toch".
{J} Jonge vrouw, werkt in de zorg, ploegendienst. Sporten lukt niet, sportschool te duur.
Dhr. klaagt over hangjongeren op het bankje voor de supermarkt, vooral 's avonds. Geen geweld, wel rommel.
{A14} Meisje (14) met moeder. Meisje wil meer dingen voor meiden, moeder wil een veiliger fietspad.
"Er is hier geen buurthuis meer, waar moet je dan naartoe?"
Dhr. van de buurtpreventie-app: samenwerking met de wijkagent is goed.
Mevr. heeft schulden door ziekte en arbeidsongeschiktheid, schaamt zich.
Vader met kind in rolstoel: speeltuin is niet toegankelijk.
{O} Mevr. wacht al maanden op een traplift.
{J} Net verhuisd gezin vindt geen huisarts, patiëntenstop.
"Hartstikke goed hier, alleen het parkeren."
{A60} Dhr. 60 zorgt voor zijn moeder en werkt fulltime. "Ik trek het nog net."
Vrouw: meer bomen, het plein is in de zomer een hitte-eiland.
{A22} Jongeman (22) met autisme, woont nog thuis, wil zelfstandig wonen met begeleiding. Wachtlijst.
{O} Mevr. blij met het gesprek. "Fijn dat jullie hier staan, meestal moet je zelf naar het stadhuis."
Dhr. vindt het niet nodig, "het gaat prima". Wilde verder niet praten.
Moeder: voedselbank is ver weg en alleen op werkdagen open. Ze werkt zelf.
Mevr. klaagt over ratten bij de containers.
{Y} Jongeren willen meer te doen in de zomervakantie, "alles is dicht".
Dhr. wil dat de wijkagent vaker langskomt.
Vrouw: haar buurvrouw (90) is al dagen niet buiten geweest. Zorgen.
Mevr. is vrijwilliger bij de kerk, organiseert maaltijden. Heeft meer ruimte nodig.
Dhr.: informatie over de nieuwe containers onduidelijk, "welke zak in welke bak?"
{J} Jonge vrouw met baby, verhuisd uit Rotterdam. Vindt de stad rustig en fijn.
Man, slechthorend. Informatieavonden zonder ringleiding of schrijftolk, kan niet meedoen.
Mevr. heeft last van werkzaamheden en omleidingen, "nooit wordt er iets aangekondigd".
{J} Tevreden over de nieuwe speeltuin, kinderen spelen er elke dag.
{O} Dhr. mist de bank en het postkantoor in de buurt.
Vrouw: de gemeente communiceert te veel via Facebook. Zij zit er niet op.
{A16} Jongen (16) zoekt een bijbaantje, de supermarkt heeft een wachtlijst.
{A75} Mevr. 75, kleinkinderen komen weinig langs, "iedereen heeft het druk".
Dhr. met uitkering wil graag vrijwilligerswerk doen, is bang dat hij dan gekort wordt.
Gesprek in het Engels met arbeidsmigrant (Roemenië): woont met 6 man in één huis, weet niet waar hij met klachten over de huisbaas heen kan.
Mevr. wil meer groen en bloemen in de wijk, wil zelf wel helpen (geveltuintje).
Dhr. blij met de AED in de straat, wil een reanimatiecursus.
Moeder: kind met overgewicht, sport is duur, wil meer gratis buitensport.
Vrouw met MS, scootmobiel, ingang van de supermarkt is niet toegankelijk.
Dhr. wil teruggebeld worden over de overlast: 06-34567812.
{Y} Jongeren (2) willen een graffitimuur.
Mevr. vond het gesprek fijn, had verder "niks bijzonders".
Dhr. mopperde over de hondenbelasting, "en er is nergens een uitlaatveld".
{O} Mevr. eet elke dag alleen, "vroeger kookte ik voor zes".
Ouders met tweeling: kinderopvang te duur, moeder is minder gaan werken.
[11] "De wijk is vergeten, alles gaat naar Hoog Dalem."
[13] Geen ontmoetingsplek in de wijk, jonge gezinnen kennen elkaar alleen van het schoolplein.
[01] Bewoner binnenstad: overlast van bevoorrading van winkels vroeg in de ochtend.
[06] {O} "De buurt is vergrijsd, bij ons in de straat wonen bijna alleen nog weduwen."
[02] Mevr. Jansen wil meedoen in een werkgroep groen. Tel. 0183-123456.
[11] Dhr. woont al 30 jaar in de flat, "vroeger kende je iedereen in de portiek".
"""

OPHAAL_KORT = """
Geen bijzonderheden.
Tevreden.
Parkeren.
Wilde niet praten.
"""

# --------------------------------------------------------------------------------------
# Answer texts: mantelzorgevaluatie 2023 (LibreOffice Calc)
# --------------------------------------------------------------------------------------

MZ_VOOR_WIE = """
{Rman} mijn man (parkinson)
{Rmoeder} moeder, 89, dementie
{Rvader} mijn vader
{P} {Rzoon} zoon met autisme (17)
{Rman} {Rvrouw} partner met MS
{Rmoeder} schoonmoeder
{Rmoeder} mijn moeder en mijn tante
{P} {Rdochter} dochter met verstandelijke beperking
{Randers} buurvrouw
{Rvrouw} mijn vrouw, na een herseninfarct
{Randers} broer (psychiatrie)
{Rmoeder} {Rvader} ouders allebei
{Rman} man met longkanker
{O} {Randers} kleinzoon
{Rvader} vader met COPD
{Randers} zus (depressie)
{O} {Rman} echtgenoot, beginnende dementie
{Rmoeder} moeder (90), woont nog zelfstandig
{P} {Rzoon} zoontje met epilepsie
{Rman} {Rvrouw} mijn partner (hartfalen)
{Randers} vriendin met kanker
{Rvader} schoonvader
{Rverpleeghuis} mijn moeder in het verpleeghuis
{P} {Rdochter} dochter (12) met diabetes type 1
{Rvader} vader, woont in Leerdam
{Rvrouw} mijn vrouw (reuma)
{Randers} tante zonder kinderen
{Randers} buurman, 86
{Rmoeder} moeder (verslaving)
{Rzoon} zoon met NAH na een ongeluk
{J} {Rmoeder} mijn moeder, ze is ziek
{Rmoeder} {Rvader} pa en ma
{Rman} mijn man
{Rmoeder} mijn moeder
{Rmoeder} mijn moeder (84), hartproblemen
{Rvader} vader (91), slechtziend en doof
{Rman} mijn man, hij heeft een beroerte gehad
{Rvrouw} mijn vrouw, ze heeft alzheimer
{Rmoeder} moeder, woont bij ons in huis
{Rvader} mijn vader, sinds mijn moeder overleden is
{P} {Rzoon} onze zoon (24), psychische problemen
{P} {Rdochter} dochter met anorexia
{O} {Rman} echtgenoot (COPD, zuurstof)
{Rmoeder} {Rvader} schoonouders
{Randers} mijn broer, verstandelijke beperking, sinds onze ouders er niet meer zijn
{Rmoeder} moeder met parkinson
{Rvrouw} vrouw, kanker (chemo)
{Rvader} pa (dementie)
{Randers} oom, alleenstaand
{Rmoeder} ma, 87
{Rvrouw} echtgenote
"""

MZ_VOOR_WIE_KORT = """
{Rmoeder} mijn moeder
{Rvader} mijn vader
{Rman} mijn man
{Rvrouw} mijn vrouw
{Rmoeder} moeder
{Rvader} vader
{Rman} {Rvrouw} partner
"""

MZ_UREN = ["4", "8", "10", "12", "15", "20", "30", "40", "24/7", "ca 10", "wisselend", "10-15",
           "meer dan 40", "weet ik niet precies", "6", "2 à 3", "elke dag een paar uur", "16", "25", "5"]

MZ_NODIG = """
Even een dag vrij. Gewoon een dag niet hoeven denken aan wie er eten moet krijgen.
{O} Iemand die een keer de zorg overneemt zodat ik naar de verjaardag van mijn kleindochter kan.
Begrip van mijn werkgever
Erkenning. Dat mensen zien wat ik doe.
Respijtzorg dichtbij, niet in Dordrecht.
Minder gedoe met formulieren, het indiceren kost me meer energie dan de zorg zelf.
een luisterend oor
Dat ik één aanspreekpunt heb en niet met vijf instanties moet bellen.
Slaap.
Lotgenotencontact, andere mensen die hetzelfde meemaken.
{Rmoeder} Meer uren huishoudelijke hulp voor mijn moeder, dan hoef ik dat er niet ook nog bij te doen.
Geld. Ik ben minder gaan werken en dat merk je.
{Rman} Dagbesteding voor mijn man, ook op vrijdag.
Tijd voor mezelf, sporten, vriendinnen zien.
{Rvader} Iemand die me helpt met de administratie van mijn vader
Flexibele werktijden
Dat de huisarts ook aan mij vraagt hoe het gaat.
{Rmoeder} Een vaste thuiszorgmedewerker zodat mijn moeder niet steeds in paniek raakt.
{Rman} {Rvrouw} {Rmoeder} {Rvader} Een cursus over omgaan met dementie.
{Rvader} {Randers} Vervoer: ik rijd elke week 3 keer naar Leerdam.
Hulp van de rest van de familie, maar ja...
Weet ik niet. Ik doe het gewoon.
{P} {Rzoon} Een logeerplek voor mijn zoon zodat wij als ouders een weekend weg kunnen.
{P} {Rzoon} Begrip op school voor mijn dochter, die ook veel voor haar broertje zorgt.
Informatie over wat er allemaal bestaat, ik kom er steeds toevallig achter.
{Rvader} Een maatje voor mijn vader zodat hij ook eens iemand anders ziet.
Praktische hulp bij klussen in huis.
{Rvrouw} Een vrijwilliger die een middag bij mijn vrouw zit.
Psychische ondersteuning, ik ben zelf ook aan het einde van mijn latijn.
{Rman} {Rvrouw} {Rmoeder} {Rvader} Dat de wachtlijst voor het verpleeghuis korter wordt. Dit houd ik geen jaar meer vol.
Dat de gemeente mantelzorgers serieus neemt en niet alleen een bloemetje stuurt op de Dag van de Mantelzorg.
{Rman} Nachtzorg, ik slaap al maanden slecht omdat mijn man 's nachts dwaalt.
Een goede pgb-regeling zodat ik mijn uren betaald krijg.
Goede afspraken met de thuiszorg
Soms een schouderklopje
Rust in mijn hoofd
{Rmoeder} {Rvader} Dat mijn broer en zus ook een keer bijspringen.
Een plek waar ik naartoe kan met vragen, liefst in de wijk.
{P} {Rzoon} Meer begeleidingsuren voor mijn zoon, nu vang ik alles op.
{Rmoeder} Een scootmobiel voor mijn moeder zodat ze zelf naar de winkel kan.
{Rvader} Parkeervergunning bij het huis van mijn vader in de binnenstad, elke keer betalen tikt aan.
{Rmoeder} {Rvader} Een mantelzorgwoning in de tuin, maar de vergunning is ingewikkeld.
Iemand die eens vraagt hoe het met MIJ gaat.
Dat ik niet alles alleen hoef te beslissen.
Vakantie.
Minder bureaucratie bij de herindicatie.
Een mantelzorgcafé in de avond, overdag werk ik.
Steun van de buren, maar die kennen we nauwelijks.
Gewoon af en toe een middag vrij. Meer vraag ik niet.
Hulp bij het aanvragen van een aangepaste woning.
{Rvader} Goede communicatie tussen ziekenhuis en thuiszorg bij ontslag. Nu stond mijn vader ineens voor de deur zonder hulp.
{J} {Rmoeder} {Rvader} Iemand op school die snapt waarom ik soms te laat ben of mijn huiswerk niet af heb.
{Rman} {Rvrouw} {Rmoeder} {Rvader} {Rzoon} {Rdochter} {Randers} Een noodnummer voor als het 's nachts misgaat, de huisartsenpost zegt steeds dat ik 112 moet bellen.
Meer tijd. Ik werk 32 uur en zorg 20 uur, er blijft niks over.
ff een weekje niks
{Rmoeder} Een taxi die mijn moeder naar de dagbesteding brengt, nu doe ik dat elke keer voor mijn werk.
Geduld haha. En een goede thuiszorg.
"""

MZ_NODIG_KORT = """
rust
tijd voor mezelf
meer hulp
vrije tijd
Erkenning
"""

MZ_OPMERKINGEN = """
Fijn dat jullie dit vragen.
Ik wist niet dat ik mantelzorger was tot de huisarts het zei.
Het mantelzorgcompliment is leuk maar lost niets op.
Bel me gerust: 06-45678123 (mevr. de Graaf)
Graag contact, ik wil meedoen aan een lotgenotengroep. m.bosman@example.com
{Rmoeder} Mijn moeder is vorige maand overleden, ik vul dit in voor de volledigheid.
De mantelzorgconsulent heeft me enorm geholpen.
{J} {A16} {Rmoeder} Ik ben 16 en zorg voor mijn moeder, er is nooit iets voor jongeren zoals ik.
De zorg is zwaarder geworden sinds de hulp minder uren kreeg.
Niet zo veel tijd voor vragenlijsten
Een mantelzorger zou ook een stem moeten hebben in het beleid.
Ik werk fulltime en zorg, het is te veel maar ik kan niet stoppen.
[04] {Rvader} Woon zelf in de Haarwijk maar zorg voor mijn vader in de Gildenwijk.
{Rman} Ik voel me vaak eenzaam, ook al ben ik de hele dag met mijn man.
De Dag van de Mantelzorg was gezellig!
De huisarts wist niet van de mantelzorgregeling.
Het zou helpen als er een overzicht is van alle regelingen op één A4.
{Rmoeder} {Rvader} Wij betalen de eigen bijdrage van mijn ouders, dat wordt lastig.
Ik heb mijn baan opgezegd. Dat voelt nog steeds niet goed.
{Rman} Mijn man wil geen vreemden in huis, dus respijtzorg is lastig.
Graag meer avondactiviteiten.
Het contact met het wijkteam is goed.
{Rman} Ik ben bang om ziek te worden, wie zorgt er dan voor hem?
Dank aan de vrijwilligers van de mantelzorgondersteuning.
Mijn zorg is niet zwaar maar wel langdurig, al 12 jaar.
{Rman} {Rvrouw} {Rmoeder} {Rvader} Ik zou meer willen weten over dementie en wat er nog komt.
{Rmoeder} Soms word ik boos op haar en daar schaam ik me dan voor.
[03] Mijn adres is 4206 BK 5, kom gerust langs voor een gesprek.
Het is fijn om dit even op te schrijven.
"""

MZ_OPMERKINGEN_KORT = """
nvt
Geen opmerkingen
-
nee
"""


# ======================================================================================
# Area data (hard-coded so the script needs nothing outside this folder)
# ======================================================================================

@dataclass(frozen=True)
class Wijk:
    code: str
    cbs_name: str
    pop: int
    s0_15: int
    s15_25: int
    s45_65: int
    s65: int


# CBS Kerncijfers wijken en buurten 2024 (Bron: CBS, CC BY 4.0); shares in %, 0 = secret.
WIJKEN = {w.code: w for w in [
    Wijk("WK051201", "Wijk 01 Gorinchem binnenstad", 5865, 9, 10, 30, 21),
    Wijk("WK051202", "Wijk 02 Wijdschild", 1765, 15, 10, 33, 22),
    Wijk("WK051203", "Wijk 03 Lingewijk", 3060, 19, 9, 23, 18),
    Wijk("WK051204", "Wijk 04 haarwijk", 6190, 16, 14, 28, 19),
    Wijk("WK051205", "Wijk 05 Stalkaarsen", 3235, 16, 10, 24, 20),
    Wijk("WK051206", "Wijk 06 Gildenwijk", 5260, 11, 11, 22, 30),
    Wijk("WK051207", "Wijk 07 Schelluinsestraat", 290, 12, 13, 30, 21),
    Wijk("WK051208", "Wijk 08 Avelingen Oost", 50, 0, 0, 0, 0),
    Wijk("WK051209", "Wijk 09 Avelingen West", 35, 0, 0, 0, 0),
    Wijk("WK051210", "Wijk 10 Molenvliet", 55, 14, 7, 31, 24),
    Wijk("WK051211", "Wijk 11 laag Dalem", 8035, 17, 14, 33, 16),
    Wijk("WK051212", "Wijk 12 Dalem", 855, 13, 13, 32, 24),
    Wijk("WK051213", "Wijk 13 Hoog Dalem", 3575, 27, 10, 22, 9),
    Wijk("WK051214", "Wijk 14 Bedrijventerrein Oost", 45, 0, 0, 0, 0),
    Wijk("WK051215", "Wijk 15 Papland", 60, 20, 10, 28, 15),
    Wijk("WK051216", "Wijk 16 schotdeuren", 125, 19, 18, 30, 10),
    Wijk("WK051217", "Wijk 17 Bedrijventerrein Noord", 20, 0, 0, 0, 0),
    Wijk("WK051218", "Wijk 18 Landelijk gebied West", 100, 22, 17, 30, 14),
    Wijk("WK051219", "Wijk 19 Landelijk gebied Noord", 20, 0, 0, 0, 0),
    Wijk("WK051220", "Wijk 20 Landelijk gebied Oost", 20, 0, 0, 0, 0),
    Wijk("WK051221", "Wijk 21 Landelijk gebied Zuid", 10, 0, 0, 0, 0),
]}
BIG = [c for c, w in WIJKEN.items() if w.pop >= 300]

# PC4 -> wijk, number of addresses (Gorinchem PC4/wijk table 2024, CC BY-NC-SA)
PC4_ADRESSEN = [
    ("4201", "WK051201", 3526), ("4201", "WK051208", 13), ("4202", "WK051208", 44), ("4202", "WK051209", 58),
    ("4203", "WK051207", 110), ("4203", "WK051210", 21), ("4204", "WK051206", 2830), ("4204", "WK051210", 12),
    ("4205", "WK051204", 2741), ("4205", "WK051205", 1390), ("4205", "WK051207", 48), ("4205", "WK051210", 1),
    ("4205", "WK051216", 36), ("4205", "WK051217", 9), ("4205", "WK051218", 30), ("4205", "WK051219", 7),
    ("4206", "WK051203", 1300), ("4206", "WK051214", 7), ("4206", "WK051215", 102), ("4207", "WK051202", 774),
    ("4207", "WK051211", 3140), ("4207", "WK051214", 136), ("4207", "WK051215", 5), ("4207", "WK051221", 8),
    ("4208", "WK051213", 1433), ("4208", "WK051220", 6), ("4213", "WK051212", 353),
]

# How residents write their wijk (weights). The intended wijk is the key.
RESIDENT_SPELL = {
    "WK051201": [("Binnenstad", 30), ("binnenstad", 15), ("centrum", 12), ("Centrum", 5), ("Binnenstad Gorinchem", 4),
                 ("de vesting", 2), ("Binnestad", 2), ("binnenstad ", 2), ("Gorinchem centrum", 3), ("WK051201", 1)],
    "WK051202": [("Wijdschild", 10), ("wijdschild", 6), ("Wijdschild ", 2), ("Wijdschilt", 1)],
    "WK051203": [("Lingewijk", 20), ("lingewijk", 10), ("Lingewjik", 2), ("Linge wijk", 2), ("de Lingewijk", 2)],
    "WK051204": [("Haarwijk", 20), ("De Haarwijk", 8), ("haarwijk", 10), ("Haarwyk", 1), ("haarwijk gorinchem", 2),
                 ("wijk 04", 1)],
    "WK051205": [("Stalkaarsen", 20), ("Stalkaarsen ", 4), ("stalkaarsen", 8), ("De Stalkaarsen", 3), ("Stalkaars", 1)],
    "WK051206": [("Gildenwijk", 20), ("gildenwijk", 10), ("Gilde wijk", 2), ("Gildewijk", 2), ("WK051206", 1)],
    "WK051207": [("Schelluinsestraat", 2), ("schelluinsestraat e.o.", 1)],
    "WK051210": [("Molenvliet", 1)],
    "WK051211": [("Laag Dalem", 20), ("laag-dalem", 8), ("Dalem (laag)", 3), ("Laag-Dalem", 6), ("laag dalem", 8),
                 ("LAAG DALEM", 1), ("Laagdalem", 2), ("wijk 11", 1), ("Dalem", 1)],
    "WK051212": [("Dalem", 5), ("Dalem dorp", 2), ("dalem", 1)],
    "WK051213": [("Hoog Dalem", 15), ("Hoog-Dalem", 8), ("hoog dalem", 6), ("Dalem (hoog)", 2), ("HoogDalem", 1)],
    "WK051215": [("Papland", 1)],
    "WK051216": [("Schotdeuren", 1)],
    "WK051218": [("buitengebied", 1), ("Landelijk gebied West", 1)],
}
RESIDENT_OUTSIDE = [("Arkel", 2), ("weet ik niet", 2), ("buiten Gorinchem", 2), ("Sleeuwijk", 1), ("-", 1),
                    ("Hardinxveld-Giessendam", 1)]

YOUTH_SPELL = {
    "WK051201": [("binnenstad", 5), ("centrum", 4), ("Centrum", 2), ("in de vesting", 1)],
    "WK051202": [("wijdschild", 3), ("Wijdschild", 2)],
    "WK051203": [("lingewijk", 4), ("Lingewijk", 3), ("linge wijk", 1)],
    "WK051204": [("haarwijk", 5), ("Haarwijk", 4), ("de haarwijk", 2)],
    "WK051205": [("stalkaarsen", 4), ("Stalkaarsen", 2), ("stalkaarse", 1)],
    "WK051206": [("gildenwijk", 4), ("Gildenwijk", 3), ("gilde", 1)],
    "WK051207": [("schelluinsestraat", 1)],
    "WK051211": [("laag dalem", 8), ("Laag Dalem", 5), ("laagdalem", 3), ("Laag-dalem", 2), ("LD", 1)],
    "WK051212": [("dalem dorp", 1), ("Dalem", 1)],
    "WK051213": [("hoog dalem", 6), ("Hoog Dalem", 5), ("hoogdalem", 3), ("HD", 1), ("Hoog-dalem", 2)],
    "WK051216": [("schotdeuren", 1)],
    "WK051218": [("buitengebied", 1)],
}
YOUTH_OUTSIDE = [("idk", 1), ("arkel", 1), ("sleeuwijk", 1), ("weet ik nie", 1), ("ergens bij de rotonde lol", 1)]

# The wijkteam writes the Wijk column of the street conversations (often left empty).
WIJKTEAM_SPELL = {
    "WK051201": [("Binnenstad", 1)], "WK051202": [("Wijdschild", 1)], "WK051203": [("Lingewijk", 1)],
    "WK051204": [("Haarwijk", 1)], "WK051205": [("Stalkaarsen", 1)], "WK051206": [("Gildenwijk", 1)],
    "WK051207": [("Schelluinsestraat", 1)], "WK051211": [("Laag Dalem", 10), ("Laag-Dalem", 2), ("L. Dalem", 1)],
    "WK051212": [("Dalem", 1)], "WK051213": [("Hoog Dalem", 8), ("Hoog-Dalem", 2)], "WK051215": [("Papland", 1)],
    "WK051216": [("Schotdeuren", 1)],
}

PC6_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"

# spelling -> intended wijk code (None = outside/unknown), per file; filled while building
SPELL_LOG: dict[str, Counter] = {}


# ======================================================================================
# Helpers
# ======================================================================================

@dataclass
class Item:
    text: str
    tag: str | None = None
    marks: frozenset = field(default_factory=frozenset)


def parse_block(block: str) -> list[Item]:
    items = []
    for raw in block.strip("\n").splitlines():
        line = raw.strip()
        if not line:
            continue
        tag = None
        m = re.match(r"\[(\d\d|--)\]\s*", line)
        if m:
            tag = "--" if m.group(1) == "--" else "WK0512" + m.group(1)
            line = line[m.end():]
        marks = frozenset(re.findall(r"\{([A-Za-z]+\d*)\}", line))
        line = re.sub(r"\{[A-Za-z]+\d*\}\s*", "", line).strip()
        items.append(Item(line.replace(" // ", "\n"), tag, marks))
    return items


class Pool:
    """Hand-written answers, each used once; short stock answers may repeat afterwards."""

    def __init__(self, rng: random.Random, block: str, short: str = ""):
        self.rng = rng
        self.items = parse_block(block)
        rng.shuffle(self.items)
        self.short = parse_block(short) if short else []

    def draw(self, wijk: str | None = None, ok=lambda it: True, p_tag: float = 0.6) -> Item | None:
        tagged = [i for i in self.items if i.tag is not None and i.tag == wijk and ok(i)]
        if tagged and self.rng.random() < p_tag:
            item = tagged[0]
        else:
            general = [i for i in self.items if i.tag is None and ok(i)]
            if not general:
                return self.rng.choice(self.short) if self.short else None
            item = general[0]
        self.items.remove(item)
        return item


def wchoice(rng: random.Random, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights, k=1)[0]


def allocate(rng, n, weight, tiny: dict[str, int], n_outside: int) -> list[str | None]:
    """Respondents' wijken: big wijken by weight (multinomial noise), tiny ones fixed, some outside."""
    seq: list[str | None] = []
    for code, k in tiny.items():
        seq += [code] * k
    seq += [None] * n_outside
    seq += rng.choices(BIG, weights=[weight(WIJKEN[c]) for c in BIG], k=n - len(seq))
    rng.shuffle(seq)
    return seq


# Spellings that must occur at least once (given to the first respondent of that wijk in that file),
# so the linking tests always meet them whatever the random draw.
GUARANTEED = {
    "forms": {"WK051203": ["Lingewjik"], "WK051211": ["Dalem"], "WK051201": ["WK051201", "de vesting"],
              "WK051213": ["Dalem (hoog)"], "WK051205": ["Stalkaarsen "]},
    "jongeren": {"WK051213": ["HD"], "WK051211": ["LD"]},
    "mantelzorg": {"WK051203": ["Lingewjik"], "WK051202": ["Wijdschilt"]},
}


_PENDING: dict = {}


def spell(rng, file_key: str, code: str | None, table: dict, outside) -> str:
    text = wchoice(rng, table[code]) if code else wchoice(rng, outside)
    pending = _PENDING.get(file_key, {}).get(code)
    if pending:
        text = pending.pop(0)
    SPELL_LOG.setdefault(file_key, Counter())[(text, code)] += 1
    return text


def pc4_for(rng, code: str) -> str:
    rows = [(pc, n) for pc, c, n in PC4_ADRESSEN if c == code]
    return wchoice(rng, rows)


def pc6_letters(rng) -> str:
    while True:
        s = rng.choice(PC6_LETTERS) + rng.choice(PC6_LETTERS)
        if s not in ("SA", "SD", "SS"):
            return s


def postcode(rng, code: str | None, styles) -> str:
    """A Gorinchem postcode consistent with the wijk, written in one of several styles."""
    if code is None:
        return ""
    pc4 = pc4_for(rng, code)
    style = wchoice(rng, styles)
    if style == "pc6":
        return f"{pc4} {pc6_letters(rng)}"
    if style == "pc6nospace":
        return f"{pc4}{pc6_letters(rng)}"
    if style == "pc6lower":
        return f"{pc4}{pc6_letters(rng).lower()}"
    if style == "padded":
        return f" {pc4} "
    if style == "blank":
        return ""
    return pc4


def exact_age(marks, prefix: str = "A") -> int | None:
    """An exact age hint such as {A84} (or {J14} with prefix 'J'); sorted, so deterministic."""
    ages = sorted(int(m[len(prefix):]) for m in marks if re.fullmatch(prefix + r"\d+", m))
    return ages[0] if ages else None


def age_range(marks, ranges: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """Intersection of the age ranges that the hints in ``marks`` allow (None = no hint, () = conflict)."""
    lo, hi, hinted = 0, 200, False
    a = exact_age(marks)
    if a is not None:
        lo, hi, hinted = a, a, True
    for m in sorted(marks):
        if m in ranges:
            lo, hi, hinted = max(lo, ranges[m][0]), min(hi, ranges[m][1]), True
    if not hinted:
        return None
    return (lo, hi) if lo <= hi else ()


def relation_ok(voor_wie_marks, item_marks) -> bool:
    """Mantelzorg: a text about 'mijn man' only fits a carer who cares for a partner, etc."""
    need = {m for m in item_marks if m.startswith("R")}
    have = {m for m in voor_wie_marks if m.startswith("R")}
    return not need or bool(need & have)


# ======================================================================================
# 1. Microsoft Forms buurtenquête 2024 (.xlsx)
# ======================================================================================

FORMS_Q = [
    "In welke wijk woont u?",
    "Wat zijn de vier cijfers van uw postcode?",
    "Wat is uw leeftijd?",
    "Wat vindt u het belangrijkste om te verbeteren in uw wijk?",
    "Wat gaat er goed in uw wijk?",
    "Hoe wilt u het liefst betrokken worden bij plannen voor uw wijk? (meerdere antwoorden mogelijk)",
    "Hoeveel vertrouwen heeft u in de gemeente? (1 = geen, 5 = veel)",
    "Hoe betrokken voelt u zich bij uw buurt?",
    "Hoe wilt u geïnformeerd worden?",
]
FORMS_META = ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd van laatste wijziging"]
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 of ouder"]
BETROKKEN_OPTS = ["Online enquête", "Bewonersavond", "Wijkgesprek of tafelgesprek", "Meedoen in een werkgroep",
                  "Via de wijkkrant op de hoogte blijven"]
NIET_BETROKKEN = "Ik wil niet betrokken worden"
LIKERT = ["Zeer betrokken", "Betrokken", "Neutraal", "Niet zo betrokken", "Helemaal niet betrokken"]
INFO_OPTS = ["Via de website van de gemeente", "Via de wijkkrant of het huis-aan-huisblad",
             "Via social media (Facebook, Instagram)", "Per e-mail of nieuwsbrief", "Met een brief in de bus",
             "Via de buurtapp"]
NEGATIVE = ("luister", "niks mee", "nooit", "schandalig", "belachelijk", "vertrouw", "niks an", "niks gedaan",
            "te veel gepraat", "verwijst", "kastje", "onvindbaar", "geen antwoord", "PARKEREN!!!", "beloofd")
FORMS_AGES = {"O": (65, 120), "J": (18, 34), "P": (25, 54), "M": (45, 64)}
BAND_LO = {"18-24": 18, "25-34": 25, "35-44": 35, "45-54": 45, "55-64": 55, "65-74": 65, "75 of ouder": 75}
BAND_HI = {"18-24": 24, "25-34": 34, "35-44": 44, "45-54": 54, "55-64": 64, "65-74": 74, "75 of ouder": 120}
EMPTY_FORMS = [(None, 8), ("nvt", 3), ("-", 2), ("geen idee", 2), ("n.v.t.", 1), (".", 1), ("Geen", 1)]


def build_forms(rng: random.Random) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    n = 182
    wijken = allocate(rng, n, lambda w: w.pop,
                      {"WK051207": 2, "WK051216": 1, "WK051215": 1, "WK051218": 1, "WK051210": 1}, 6)
    verb = Pool(rng, FORMS_VERBETEREN, FORMS_VERBETEREN_KORT)
    goed = Pool(rng, FORMS_GOED, FORMS_GOED_KORT)
    day0 = datetime(2024, 3, 11)
    day_w = [14, 11, 8, 6, 5, 3, 3, 4, 3, 2, 2, 2, 1, 1, 9, 6, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1]  # reminder on day 14
    hour_w = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 3, 4, 3, 3, 3, 3, 3, 4, 6, 8, 8, 5, 2]
    named = {7: ("p.vanleeuwen@example.com", "Peter van Leeuwen"), 63: ("s.bakker@example.com", "Sanne Bakker"),
             141: ("a.elkadi@example.com", "Anouar El Kadi")}
    rows = []
    for i, code in enumerate(wijken):
        wijk_txt = spell(rng, "forms", code, RESIDENT_SPELL, RESIDENT_OUTSIDE)
        if code is None and wijk_txt == "weet ik niet":
            pc = pc4_for(rng, rng.choice(["WK051204", "WK051211", "WK051206"]))  # knows postcode, not the wijk name
        else:
            pc = postcode(rng, code, [("pc4", 70), ("pc6", 10), ("pc6nospace", 6), ("padded", 4), ("blank", 10)])
        # answers
        v = None if rng.random() < 0.05 else verb.draw(code)
        marks = v.marks if v else frozenset()
        g = None if rng.random() < 0.13 else goed.draw(code, ok=lambda it: age_range(marks | it.marks, FORMS_AGES) != ())
        marks = marks | (g.marks if g else frozenset())
        v_txt = v.text if v else wchoice(rng, EMPTY_FORMS)
        g_txt = g.text if g else wchoice(rng, EMPTY_FORMS + [(None, 12)])
        # age band consistent with the hints in the answers
        rng_age = age_range(marks, FORMS_AGES)
        allowed = [b for b in AGE_BANDS if not rng_age or (BAND_LO[b] <= rng_age[1] and BAND_HI[b] >= rng_age[0])]
        base = dict(zip(AGE_BANDS, [5, 12, 17, 18, 20, 18, 10]))
        age = wchoice(rng, [(b, base[b]) for b in allowed])
        old = AGE_BANDS.index(age) >= 5
        # participation preference (Forms joins choices with ';' and ends with ';')
        if rng.random() < 0.08:
            multi = NIET_BETROKKEN + ";"
        else:
            k = rng.choices([1, 2, 3], weights=[45, 35, 20])[0]
            w = [40, 22, 20, 8, 30] if not old else [15, 25, 22, 5, 45]
            picked = set()
            while len(picked) < k:
                picked.add(rng.choices(BETROKKEN_OPTS, weights=w)[0])
            multi = "".join(o + ";" for o in BETROKKEN_OPTS if o in picked)
        negative = v is not None and any(word.lower() in v.text.lower() for word in NEGATIVE)
        trust = rng.choices([1, 2, 3, 4, 5], weights=[40, 35, 18, 6, 1] if negative else [10, 22, 37, 25, 6])[0]
        lik_w = [8, 33, 33, 19, 7]
        if multi == NIET_BETROKKEN + ";":
            lik_w = [1, 6, 30, 38, 25]
        elif "Meedoen in een werkgroep" in multi:
            lik_w = [35, 45, 15, 4, 1]
        likert = rng.choices(LIKERT, weights=lik_w)[0]
        info = rng.choices(INFO_OPTS, weights=[14, 30, 10, 18, 25, 5] if old else [22, 15, 25, 20, 8, 10])[0]
        if rng.random() < 0.03:
            trust = None  # skipped (not a required question)
        day = rng.choices(range(len(day_w)), weights=day_w)[0]
        start = day0 + timedelta(days=day, hours=rng.choices(range(24), weights=hour_w)[0],
                                 minutes=rng.randrange(60), seconds=rng.randrange(60))
        done = start + timedelta(seconds=rng.randint(95, 1500))
        rows.append([start, done, wijk_txt, pc, age, v_txt, g_txt, multi, trust, likert, info])
    rows.sort(key=lambda r: r[1])

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(FORMS_META + FORMS_Q)
    for c in ws[1]:
        c.font = Font(bold=True)
    for idx, (start, done, *answers) in enumerate(rows, start=1):
        email, naam = named.get(idx, ("anonymous", None))
        modified = done + timedelta(days=1, minutes=7) if idx in (58, 121) else None  # two edited responses
        ws.append([idx, start, done, email, naam, modified] + answers)
    for row in ws.iter_rows(min_row=2, min_col=2, max_col=6):
        for c in row:
            if isinstance(c.value, datetime):
                c.number_format = "m/d/yy h:mm:ss"
    for col, width in zip("ABCDEFGHIJKLMNO", [5, 16, 16, 24, 18, 16, 22, 14, 12, 60, 50, 60, 14, 22, 36]):
        ws.column_dimensions[col].width = width
    path = OUT / "buurtenquete_2024_microsoft_forms.xlsx"
    _fixed_props(wb, datetime(2024, 4, 8, 9, 0, 0))
    wb.save(path)
    _normalize_zip(path, datetime(2024, 4, 8, 9, 0, 0))
    return path


def _fixed_props(wb, stamp: datetime) -> None:
    wb.properties.creator = "Wijkbeeld sample"
    wb.properties.created = stamp
    wb.properties.modified = stamp


def _normalize_zip(path: Path, stamp: datetime) -> None:
    """Make a written .xlsx/.ods byte-identical between runs: fixed zip entry times and modified date."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info.filename)) for info in z.infolist()]
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w") as out:
        for info, data in entries:  # same order: an .ods keeps its stored 'mimetype' first
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + iso, data)
            zi = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            out.writestr(zi, data)


# ======================================================================================
# 2. Evaluatie Wmo 2023 — Excel "CSV (puntkomma-gescheiden)", cp1252, CRLF
# ======================================================================================

WMO_COLS = ["Klantnummer", "Postcode", "Leeftijd", "Soort ondersteuning", "Rapportcijfer", "Wat ging goed?",
            "Wat kan beter?", "Datum gesprek"]
WMO_SOORT = {
    "hh": "Huishoudelijke ondersteuning", "bg": "Individuele begeleiding", "db": "Dagbesteding",
    "hm": "Hulpmiddel (rolstoel, scootmobiel, rollator)", "wa": "Woningaanpassing", "vv": "Wmo-vervoer (regiotaxi)",
    "rz": "Kortdurend verblijf / respijtzorg",
}
WMO_SOORT_W = {"hh": 35, "bg": 15, "db": 10, "hm": 15, "wa": 8, "vv": 12, "rz": 3}


def build_wmo(rng: random.Random) -> Path:
    n = 121
    wijken = allocate(rng, n, lambda w: w.pop * (w.s65 + 3), {"WK051207": 1, "WK051215": 1, "WK051216": 1}, 0)
    goed = Pool(rng, WMO_GOED, WMO_GOED_KORT)
    beter = Pool(rng, WMO_BETER, WMO_BETER_KORT)
    soorten = set(WMO_SOORT)
    klant = sorted(rng.sample(range(100200, 119800), n))
    rows = []
    for i, code in enumerate(wijken):
        pc = postcode(rng, code, [("pc6", 45), ("pc6nospace", 25), ("pc4", 20), ("padded", 5), ("pc6lower", 5)])
        if i in (17, 88):
            pc = ""
        g = goed.draw(code) if rng.random() > 0.06 else None
        gm = g.marks if g else frozenset()
        s_hint = min(gm & soorten, default=None)

        def ok(it, s_hint=s_hint, gm=gm):
            s = set(it.marks) & soorten
            low_high = not ({"L", "H"} <= (set(gm) | set(it.marks)))
            return (not s or s_hint is None or s_hint in s) and low_high

        b = beter.draw(code, ok=ok) if rng.random() > 0.05 else None
        bm = b.marks if b else frozenset()
        marks = gm | bm
        s = s_hint or min(bm & soorten, default=None) or wchoice(rng, list(WMO_SOORT_W.items()))
        if exact_age(marks) is not None:
            age = exact_age(marks)
        elif "O" in marks:
            age = rng.randint(75, 94)
        elif s in ("bg",):
            age = rng.choice([rng.randint(19, 64), rng.randint(19, 64), rng.randint(65, 88)])
        else:
            age = rng.choices([rng.randint(28, 64), rng.randint(65, 79), rng.randint(80, 97)], weights=[20, 40, 40])[0]
        if "L" in marks:
            cijfer: object = rng.choice([3, 4, 5, 5, 6])
        elif "H" in marks:
            cijfer = rng.choice([8, 8, 9, 9, 10])
        else:
            cijfer = rng.choices([4, 5, 6, 7, 8, 9, 10], weights=[2, 4, 10, 25, 30, 12, 6])[0]
        r = rng.random()
        if r < 0.10 and isinstance(cijfer, int) and cijfer < 10:
            cijfer = f"{cijfer},5"
        elif r > 0.97:
            cijfer = ""
        d = date(2023, 1, 9) + timedelta(days=rng.randrange(325))
        while d.weekday() >= 5:
            d += timedelta(days=1)
        rows.append([pc, str(age), WMO_SOORT[s], str(cijfer),
                     g.text if g else "", b.text if b else wchoice(rng, [("", 3), ("-", 1)]),
                     d.strftime("%d-%m-%Y")])
    rng.shuffle(rows)  # the export is sorted by Klantnummer, not by the order answers were drawn
    rows = [[str(k)] + r for k, r in zip(klant, rows)]
    path = OUT / "evaluatie_wmo_2023_puntkomma.csv"
    with open(path, "w", encoding="cp1252", newline="") as f:  # strict: fails if a text is not cp1252
        w = csv.writer(f, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(WMO_COLS)
        w.writerows(rows)
    return path


# ======================================================================================
# 3. Jongerenpeiling 2024 — LimeSurvey CSV export (UTF-8 BOM, all quoted, LF)
# ======================================================================================

JONG_Q = ["Q1. In welke wijk woon je?", "Q2. Hoe oud ben je?", "Q3. Wat mis je in je wijk voor jongeren?",
          "Q4. Voel je je veilig in je buurt?", "Q5. Wat zou jij veranderen als je burgemeester was?",
          "Q6. Wil je vaker meedenken? Laat je mail of 06-nummer achter (mag ook leeg)"]
JONG_META = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
VEILIG = [("Ja", 38), ("Meestal wel", 34), ("Soms niet", 16), ("Nee", 5), ("Weet ik niet", 7)]


def build_jongeren(rng: random.Random) -> Path:
    n = 112
    wijken = allocate(rng, n, lambda w: w.pop * (w.s0_15 / 3 + w.s15_25),
                      {"WK051207": 1, "WK051216": 1, "WK051218": 1}, 5)
    mis = Pool(rng, JONG_MIS, JONG_MIS_KORT)
    burg = Pool(rng, JONG_BURGEMEESTER, JONG_BURGEMEESTER_KORT)
    contact = parse_block(JONG_CONTACT)
    contact_rows = set(rng.sample(range(n), len(contact)))
    ids = []
    cur = 3
    for _ in range(n):
        cur += rng.choices([1, 2, 3], weights=[88, 9, 3])[0]  # deleted test responses leave gaps
        ids.append(cur)
    # draw the answers in random row order, so stock answers (used once the hand-written ones
    # run out) do not all land at the end of the export
    drawn = {}
    for i in rng.sample(range(n), n):
        q3 = mis.draw(wijken[i], p_tag=0.8)
        a3 = exact_age(q3.marks, "J")
        q5 = burg.draw(wijken[i], ok=lambda it: a3 is None or exact_age(it.marks, "J") in (None, a3), p_tag=0.8)
        drawn[i] = (q3, q5)
    t = datetime(2024, 5, 13, 8, 40)
    rows = []
    ci = 0
    for i, code in enumerate(wijken):
        t += timedelta(minutes=rng.choices([rng.randint(1, 12), rng.randint(30, 300), rng.randint(600, 1500)],
                                           weights=[55, 30, 15])[0])
        if t.hour >= 23 or t.hour < 7:
            t = t.replace(hour=7) + timedelta(days=1, minutes=rng.randint(60, 240))
        t = t.replace(second=rng.randrange(60))
        wijk_txt = spell(rng, "jongeren", code, YOUTH_SPELL, YOUTH_OUTSIDE)
        q3, q5 = drawn[i]
        age = exact_age(q3.marks, "J") or exact_age(q5.marks, "J") or rng.choices(range(12, 24), weights=[8, 14, 15, 14, 12, 9, 7, 5, 4, 4, 3, 3])[0]
        lastpage = rng.choices([3, 2, 1], weights=[90, 5, 5])[0]
        row = {
            "id": str(ids[i]),
            "submitdate": t.strftime("%Y-%m-%d %H:%M:%S") if lastpage == 3 else "",
            "lastpage": str(lastpage), "startlanguage": "nl", "seed": str(rng.randint(10**8, 2 * 10**9)),
            JONG_Q[0]: wijk_txt, JONG_Q[1]: str(age),
            JONG_Q[2]: q3.text if q3 and lastpage >= 2 else "",
            JONG_Q[3]: wchoice(rng, VEILIG) if lastpage >= 2 else "",
            JONG_Q[4]: q5.text if q5 and lastpage >= 3 else "",
            JONG_Q[5]: "",
        }
        if lastpage == 3 and i in contact_rows and ci < len(contact):
            row[JONG_Q[5]] = contact[ci].text
            ci += 1
        if lastpage == 3 and rng.random() < 0.04:
            row[JONG_Q[2]] = rng.choice(["", "-", "."])
        rows.append(row)
    path = OUT / "jongerenpeiling_2024_limesurvey.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=",", quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(JONG_META + JONG_Q)
        for r in rows:
            w.writerow([r[k] for k in JONG_META + JONG_Q])
    return path


# ======================================================================================
# 4. Dialoogweek 2023 — hand-kept notes workbook (.xlsx, one sheet per venue)
# ======================================================================================

DIALOOG_HEADER = ["Nr.", "Wijk", "Leeftijd (geschat)", "Wat zegt de bewoner?", "Onderwerp", "Actie gemeente?"]


def parse_dialoog(block: str):
    groups = []
    for raw in block.strip("\n").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("==="):
            groups.append((line[3:].strip(), []))
            continue
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (5 - len(parts))
        leeftijd, note, onderwerp, actie, wijk = parts[:5]
        groups[-1][1].append((wijk or groups[-1][0], leeftijd, note, onderwerp, actie))
    return groups


def build_dialoog(rng: random.Random) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    tl = wb.active
    tl.title = "Toelichting"
    r = 1
    for para in DIALOOG_TOELICHTING.strip().splitlines():
        tl.cell(row=r, column=1, value=para).alignment = Alignment(wrap_text=True, vertical="top")
        if r == 1:
            tl.cell(row=1, column=1).font = Font(bold=True, size=14)
        r += 2
    tl.column_dimensions["A"].width = 110

    for (sheet, locatie, notulist), block in DIALOOG.items():
        ws = wb.create_sheet(sheet[:31])
        ws["A1"] = "Dialoogweek Sociaal Domein – oktober 2023"
        ws["A1"].font = Font(bold=True, size=14)
        ws.merge_cells("A1:F1")
        ws["A2"] = f"Locatie: {locatie}"
        ws["A3"] = f"Notulist: {notulist}"
        for c, h in enumerate(DIALOOG_HEADER, start=1):
            cell = ws.cell(row=5, column=c, value=h)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="D9E1F2")
        row = 6
        nr = 1
        for gi, (_, notes) in enumerate(parse_dialoog(block)):
            if gi:
                row += 1  # blank line between table conversations
            run_start = row
            for j, (wijk, leeftijd, note, onderwerp, actie) in enumerate(notes):
                ws.cell(row=row, column=1, value=nr)
                ws.cell(row=row, column=2, value=wijk)
                ws.cell(row=row, column=3, value=int(leeftijd) if leeftijd.isdigit() else leeftijd)
                ws.cell(row=row, column=4, value=note).alignment = Alignment(wrap_text=True, vertical="top")
                ws.cell(row=row, column=5, value=onderwerp or None)
                ws.cell(row=row, column=6, value=actie or None)
                ws.cell(row=row, column=2).alignment = Alignment(vertical="center")
                nxt = notes[j + 1][0] if j + 1 < len(notes) else None
                if nxt != wijk:  # end of a run with the same wijk: merge it
                    if row > run_start:
                        ws.merge_cells(start_row=run_start, start_column=2, end_row=row, end_column=2)
                    run_start = row + 1
                nr += 1
                row += 1
        for col, width in zip("ABCDEF", [5, 16, 12, 80, 24, 34]):
            ws.column_dimensions[col].width = width
    path = OUT / "dialoogweek_2023_notities.xlsx"
    _fixed_props(wb, datetime(2023, 10, 13, 16, 30, 0))
    wb.save(path)
    _normalize_zip(path, datetime(2023, 10, 13, 16, 30, 0))
    return path


# ======================================================================================
# 5. Ophaalgesprekken wijkteam 2024 — Excel "Unicode-tekst" (UTF-16 LE BOM, tab, CRLF)
# ======================================================================================

OPHAAL_COLS = ["Datum", "Locatie", "Postcode", "Wijk", "Leeftijdsgroep", "Wat hoorden we?", "Geschatte leeftijd"]
LOCATIE = {
    "WK051201": "Weekmarkt Grote Markt", "WK051202": "Winkelcentrum Laag Dalem", "WK051203": "Supermarkt Lingewijk",
    "WK051204": "Supermarkt Haarwijk", "WK051205": "Supermarkt Stalkaarsen", "WK051206": "Winkelcentrum Gildenwijk",
    "WK051207": "Supermarkt Haarwijk", "WK051211": "Winkelcentrum Laag Dalem", "WK051212": "Winkelcentrum Laag Dalem",
    "WK051213": "Supermarkt Hoog Dalem", "WK051215": "Supermarkt Lingewijk", "WK051216": "Supermarkt Stalkaarsen",
}
SESSIES = {
    "Weekmarkt Grote Markt": [date(2024, 2, 19), date(2024, 3, 25)],
    "Winkelcentrum Laag Dalem": [date(2024, 2, 22), date(2024, 3, 7), date(2024, 4, 4)],
    "Supermarkt Lingewijk": [date(2024, 2, 27)], "Supermarkt Haarwijk": [date(2024, 2, 29), date(2024, 3, 21)],
    "Supermarkt Stalkaarsen": [date(2024, 3, 5)], "Winkelcentrum Gildenwijk": [date(2024, 3, 12), date(2024, 4, 9)],
    "Supermarkt Hoog Dalem": [date(2024, 3, 14), date(2024, 4, 11)],
}


def build_ophaal(rng: random.Random) -> Path:
    n = 92
    wijken = allocate(rng, n, lambda w: w.pop, {"WK051207": 1, "WK051215": 1}, 3)
    notes = Pool(rng, OPHAAL, OPHAAL_KORT)
    rows = []
    for code in wijken:
        loc = LOCATIE.get(code) if code else None
        if loc is None or rng.random() < 0.15:
            loc = rng.choice(sorted(SESSIES))
        d = rng.choice(SESSIES[loc])
        it = notes.draw(code, p_tag=0.7)
        marks = it.marks if it else frozenset()
        if exact_age(marks) is not None:
            age = exact_age(marks)
        elif "Y" in marks:
            age = rng.randint(14, 23)
        elif "J" in marks:
            age = rng.randint(24, 38)
        elif "O" in marks:
            age = rng.randint(66, 88)
        else:
            age = rng.choices([rng.randint(16, 24), rng.randint(25, 44), rng.randint(45, 64), rng.randint(65, 90)],
                              weights=[10, 30, 32, 28])[0]
        groep = "<25" if age < 25 else "25-44" if age < 45 else "45-64" if age < 65 else "65+"
        schatting = str(int(round(age, -1)) if rng.random() < 0.5 else age) if rng.random() < 0.7 else ""
        if exact_age(marks) is not None:
            schatting = str(age)  # the note states the age
        if code is None:
            wijk_txt = rng.choice(["", "", "Arkel"])
            SPELL_LOG.setdefault("ophaal", Counter())[(wijk_txt, None)] += 1
        elif rng.random() < 0.18:
            wijk_txt = ""
            SPELL_LOG.setdefault("ophaal", Counter())[("", code)] += 1
        else:
            wijk_txt = spell(rng, "ophaal", code, WIJKTEAM_SPELL, [])
        pc = postcode(rng, code, [("pc4", 45), ("pc6", 15), ("pc6nospace", 5), ("padded", 3), ("blank", 32)])
        if not wijk_txt and not pc and code is not None:
            pc = pc4_for(rng, code)  # at least one location field for residents of Gorinchem
        rows.append((d, loc, pc, wijk_txt, groep, it.text if it else "", schatting))
    rows.sort(key=lambda r: (r[0], r[1]))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(OPHAAL_COLS)
    for d, *rest in rows:
        w.writerow([f"{d.day}-{d.month}-{d.year}"] + rest)  # as Dutch Excel displays a date
    path = OUT / "ophaalgesprekken_wijkteam_2024.txt"
    path.write_bytes(b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))
    return path


# ======================================================================================
# 6. Mantelzorgevaluatie 2023 — LibreOffice Calc (.ods)
# ======================================================================================

MZ_AGES = {"J": (15, 22), "O": (62, 84), "P": (30, 55), "Rman": (50, 86), "Rvrouw": (50, 86), "Rmoeder": (35, 70),
           "Rvader": (35, 70), "Rverpleeghuis": (40, 70), "Rzoon": (28, 58), "Rdochter": (28, 58)}
MZ_COLS = ["Respondent", "Woonwijk", "Leeftijd", "Voor wie zorgt u?", "Hoeveel uur per week?",
           "Wat heeft u nodig om het vol te houden?", "Opmerkingen"]


def build_mantelzorg(rng: random.Random) -> Path:
    import pandas as pd

    n = 71
    wijken = allocate(rng, n, lambda w: w.pop * (w.s45_65 + w.s65), {"WK051207": 1, "WK051218": 1}, 2)
    voor = Pool(rng, MZ_VOOR_WIE, MZ_VOOR_WIE_KORT)
    nodig = Pool(rng, MZ_NODIG, MZ_NODIG_KORT)
    opm = Pool(rng, MZ_OPMERKINGEN, MZ_OPMERKINGEN_KORT)
    outside = [("Gorinchem-Oost", 1), ("buiten Gorinchem", 1)]
    records = []
    for code in wijken:
        wijk_txt = spell(rng, "mantelzorg", code, RESIDENT_SPELL, outside)
        vw = voor.draw(code)
        def fits(it, base):
            hints = vw.marks | {m for m in base | it.marks if not m.startswith("R")}
            return relation_ok(vw.marks, it.marks) and age_range(hints, MZ_AGES) != ()

        nd = nodig.draw(code, ok=lambda it: fits(it, vw.marks)) if rng.random() > 0.04 else None
        marks = vw.marks | (nd.marks if nd else frozenset())
        op = opm.draw(code, ok=lambda it: fits(it, marks), p_tag=0.9) if rng.random() < 0.55 else None
        marks = marks | (op.marks if op else frozenset())
        # the carer's age follows from whom they care for, not from the relations other texts would allow
        span = age_range(vw.marks | {m for m in marks if not m.startswith("R")}, MZ_AGES)
        if span:
            age: object = rng.randint(*span)
        else:
            age = rng.choices([rng.randint(25, 44), rng.randint(45, 64), rng.randint(65, 86)], weights=[12, 55, 33])[0]
        if rng.random() < 0.05:
            age = None
        uren_txt = rng.choice(MZ_UREN)
        uren: object = int(uren_txt) if uren_txt.isdigit() else uren_txt
        records.append([wijk_txt, age, vw.text, uren, nd.text if nd else None, op.text if op else None])
    rng.shuffle(records)  # stock answers (used when the hand-written ones run out) must not cluster at the end
    records = [[i] + r for i, r in enumerate(records, start=1)]
    df = pd.DataFrame(records, columns=MZ_COLS).astype(object)
    df = df.where(df.notna(), None)
    path = OUT / "mantelzorg_evaluatie_2023.ods"
    df.to_excel(path, engine="odf", index=False, sheet_name="Blad1")
    _normalize_zip(path, datetime(2023, 12, 1, 10, 0, 0))
    return path


# ======================================================================================
# Verification: read every file back the way a user's tool would, print counts
# ======================================================================================

def verify(paths: dict[str, Path]) -> None:
    import pandas as pd

    print("\n== Read-back check ==")
    texts: set[str] = set()

    def collect(series):
        for v in series.dropna():
            s = str(v).strip()
            if len(s) > 12:  # count real answers, not 'nvt' or a single stock word
                texts.add(s)

    forms = pd.read_excel(paths["forms"], sheet_name="Sheet1", engine="openpyxl")
    assert list(forms.columns) == FORMS_META + FORMS_Q, forms.columns
    assert str(forms["Begintijd"].dtype).startswith("datetime64"), forms["Begintijd"].dtype
    print(f"{paths['forms'].name}: {len(forms)} rows x {forms.shape[1]} cols")
    collect(forms[FORMS_Q[3]]); collect(forms[FORMS_Q[4]])

    raw = paths["wmo"].read_bytes()
    assert b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("cp1252")
    assert "é".encode("cp1252") in raw or "ë".encode("cp1252") in raw
    try:
        raw.decode("utf-8")
        raise AssertionError("Wmo file should not be valid UTF-8")
    except UnicodeDecodeError:
        pass
    wmo = pd.read_csv(paths["wmo"], sep=";", encoding="cp1252", decimal=",", dtype={"Postcode": str, "Klantnummer": str})
    assert list(wmo.columns) == WMO_COLS
    print(f"{paths['wmo'].name}: {len(wmo)} rows x {wmo.shape[1]} cols; Rapportcijfer dtype {wmo['Rapportcijfer'].dtype}")
    collect(wmo["Wat ging goed?"]); collect(wmo["Wat kan beter?"])

    raw = paths["jongeren"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    jong = pd.read_csv(paths["jongeren"], encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(jong.columns) == JONG_META + JONG_Q
    multi = int(jong[JONG_Q[2]].str.contains("\n").sum() + jong[JONG_Q[4]].str.contains("\n").sum())
    print(f"{paths['jongeren'].name}: {len(jong)} rows x {jong.shape[1]} cols; "
          f"{(jong['submitdate'] == '').sum()} incomplete; {multi} multi-line answers")
    collect(jong[JONG_Q[2]].replace("", None)); collect(jong[JONG_Q[4]].replace("", None))

    from openpyxl import load_workbook
    wbk = load_workbook(paths["dialoog"])
    sheets = pd.read_excel(paths["dialoog"], sheet_name=None, header=None, engine="openpyxl")
    dia_total = 0
    for name, grid in sheets.items():
        if name == "Toelichting":
            print(f"{paths['dialoog'].name} / {name}: prose only, {grid.notna().any(axis=1).sum()} lines")
            continue
        df = pd.read_excel(paths["dialoog"], sheet_name=name, header=4, engine="openpyxl")
        assert list(df.columns) == DIALOOG_HEADER, df.columns
        notes = df.dropna(subset=["Wat zegt de bewoner?"])
        merged = [str(m) for m in wbk[name].merged_cells.ranges if m.min_col == 2]
        blank = int(df.isna().all(axis=1).sum())
        dia_total += len(notes)
        print(f"{paths['dialoog'].name} / {name}: {len(notes)} notes, {blank} blank rows, "
              f"{len(merged)} merged Wijk ranges")
        assert 25 <= len(notes) <= 45
        collect(notes["Wat zegt de bewoner?"])

    raw = paths["ophaal"].read_bytes()
    assert raw.startswith(b"\xff\xfe")
    assert "\r\n" in raw.decode("utf-16")
    oph = pd.read_csv(paths["ophaal"], sep="\t", encoding="utf-16", dtype=str, keep_default_na=False)
    assert list(oph.columns) == OPHAAL_COLS
    print(f"{paths['ophaal'].name}: {len(oph)} rows x {oph.shape[1]} cols")
    collect(oph["Wat hoorden we?"].replace("", None))

    mz = pd.read_excel(paths["mantelzorg"], engine="odf")
    assert list(mz.columns) == MZ_COLS
    try:
        mz2 = pd.read_excel(paths["mantelzorg"], engine="calamine")
        assert mz2.shape == mz.shape
    except ImportError:
        pass
    print(f"{paths['mantelzorg'].name}: {len(mz)} rows x {mz.shape[1]} cols")
    collect(mz["Voor wie zorgt u?"]); collect(mz["Wat heeft u nodig om het vol te houden?"])
    collect(mz["Opmerkingen"])

    print(f"\nDistinct answer/note texts longer than 12 characters across all files: {len(texts)}")
    assert len(texts) >= 450, len(texts)

    print("\n== Wijk spellings per file (text -> intended wijk : count) ==")
    wijk_cols = {"forms": forms[FORMS_Q[0]], "jongeren": jong[JONG_Q[0]], "ophaal": oph["Wijk"],
                 "mantelzorg": mz["Woonwijk"]}
    for key, counter in SPELL_LOG.items():
        print(f"-- {key}")
        for (text, code), k in sorted(counter.items(), key=lambda kv: (kv[0][1] or "zz", -kv[1], kv[0][0])):
            print(f"   {text!r:32} -> {code or '(outside/unknown)':18} {k}")
        readback = Counter(wijk_cols[key].fillna("").astype(str))
        assert sum(readback.values()) == sum(counter.values())
    print("-- dialoogweek (Wijk column, merged cells counted once)")
    for name in sheets:
        if name != "Toelichting":
            df = pd.read_excel(paths["dialoog"], sheet_name=name, header=4, engine="openpyxl")
            print(f"   {name}: " + ", ".join(f"{k!r}: {v}" for k, v in df["Wijk"].value_counts().items()))
    print("-- wmo (Postcode is the only location; PC4 part)")
    pc4 = wmo["Postcode"].fillna("").str.strip().str[:4]
    print("   " + ", ".join(f"{k or '(leeg)'}: {v}" for k, v in sorted(pc4.value_counts().items())))


def main() -> int:
    global _PENDING
    _PENDING = {f: {c: list(v) for c, v in d.items()} for f, d in GUARANTEED.items()}
    SPELL_LOG.clear()
    master = random.Random(SEED)
    builders = [("forms", build_forms), ("wmo", build_wmo), ("jongeren", build_jongeren),
                ("dialoog", build_dialoog), ("ophaal", build_ophaal), ("mantelzorg", build_mantelzorg)]
    paths = {}
    for key, fn in builders:
        paths[key] = fn(random.Random(master.randrange(2**32)))
        print(f"wrote {paths[key].relative_to(OUT.parent.parent)}")
    if "--no-verify" not in sys.argv:
        verify(paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
