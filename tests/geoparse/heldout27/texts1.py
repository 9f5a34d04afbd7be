# Held-out texts h01-h11. Markup: [[surface|key]] or [[surface]] = toponym
# (key looked up in places.P); {{surface}} = place inside a name (not a toponym).
TEXTS = [
("h01", """In [[Paris|Paris, Kentucky]], Commission Backs Progress on Downtown Enterprise Plan
By Dana Whitlock, Staff Writer

[[PARIS|Paris, Kentucky]], [[Ky.|Kentucky]] — The {{Paris}} City Commission voted 4-1 Tuesday night to move ahead with a $2.3 million plan to rebuild the creekside walking trail and repave two blocks of {{Main Street}} before the fall festival season.

Mayor Ellen Mattox said most of the cost would be covered by a state grant and by money set aside by the {{Bourbon County}} Fiscal Court. “People drive over from [[Lexington|Lexington, Kentucky]] every weekend to see the horse farms in [[Bourbon County|Bourbon County, Kentucky]], and they ought to find a downtown that looks cared for,” she said.

Commissioner Roy Tate, the lone no vote, said the city should first fix drainage on the east side, where the creek — a tributary of the [[Licking River|Licking River (Kentucky)]] — backed water into basements during the spring storms.

The {{Paris}} Chamber of Commerce has endorsed the plan. Construction could begin in August and last about nine months, City Manager Darrell Hughes said.
"""),

("h02", """Levy Request Coming in [[Lebanon|Lebanon, Ohio]] as Enrollment Climbs
By Chester Lyle

[[LEBANON|Lebanon, Ohio]], [[Ohio]] — The {{Lebanon}} City Schools board of education said Monday it will ask voters in November to approve a 4.9-mill operating levy, the district’s first request for new money since 2016.

Treasurer Nadia Haddad told the board that enrollment has grown by more than 600 students as families from [[Cincinnati]] and [[Dayton|Dayton, Ohio]] settle in [[Warren County|Warren County, Ohio]]. Two elementary buildings already use modular classrooms. Haddad, whose grandparents came to [[Ohio]] from [[Lebanon]] in the 1950s, joked that she was “the only person in the room who has to specify which one.”

“We are not asking for a palace. We are asking for enough rooms,” said board president Greg Shelby.

Some residents pointed to neighboring [[Mason|Mason, Ohio]] and [[Springboro|Springboro, Ohio]], which passed levies recently, while others said farm families east of the [[Little Miami River]] could not absorb higher property taxes. A final vote is set for Aug. 4.
"""),

("h03", """[[Moscow|Moscow, Idaho]] to Share Water Study Cost With [[Pullman|Pullman, Washington]]

[[MOSCOW|Moscow, Idaho]], [[Idaho]] — The {{Moscow}} City Council on Monday approved an agreement with [[Pullman|Pullman, Washington]], [[Washington|Washington (state)]], to share the cost of studying the aquifer that supplies both college towns, which sit eight miles apart on either side of the state line.

Water levels in the aquifer have fallen for decades, and hydrologists at the University of {{Idaho}} and {{Washington}} State University have warned that pumping cannot continue at the current pace. One option under study would pipe treated water up from the [[Snake River]] near [[Lewiston|Lewiston, Idaho]], about 30 miles to the south.

“Nobody on either side of the border wants to be the last town with a dry well,” said council member Anne Zabala.

[[Latah County|Latah County, Idaho]] commissioners are expected to consider joining the study next month. The {{Moscow}} Police Department, meanwhile, reminded residents that lawn-watering limits remain in effect through September, with fines starting at $50 for repeat violations.
"""),

("h04", """Schools Close in [[Athens|Athens, Georgia]] as [[Oconee River]] Rises

[[ATHENS|Athens, Georgia]], [[Ga.|Georgia (U.S. state)]] — Public schools in [[Athens|Athens, Georgia]] will stay closed Thursday after two days of heavy rain pushed creeks and the [[Oconee River]] over their banks south of downtown, officials said.

The {{Clarke County}} School District said several bus routes crossed roads that were still under water Wednesday evening. The University of {{Georgia}} canceled afternoon classes, and the National Weather Service office serving [[Atlanta]] kept a flood warning in place until midnight.

About 40 homes near the river were evacuated, according to the fire department. No injuries were reported.

The storm also upended a cultural visit. A youth choir from [[Greece]], in town for a sister-city exchange, had its Wednesday concert postponed. “They came from the original [[Athens]] to sing in ours, so we will find them a stage,” said Lena Brooks, who chairs the exchange committee.

Forecasters expect the river to crest Friday morning.
"""),

("h05", """Chicken Festival Returns to [[London|London, Kentucky]] With a New Parade Route

[[LONDON|London, Kentucky]], [[Ky.|Kentucky]] — Organizers of the World Chicken Festival say this year’s parade will take a new path along {{Main Street}} because of sewer work downtown, but the giant skillet — ten feet across — will be back in its usual spot.

The four-day event is the biggest weekend of the year in [[Laurel County|Laurel County, Kentucky]], drawing visitors from [[Corbin|Corbin, Kentucky]], [[Somerset|Somerset, Kentucky]] and as far away as [[Knoxville|Knoxville, Tennessee]], [[Tenn.|Tennessee]] Last year’s crowd was estimated at more than 200,000 people.

Festival director Carla Jent said the phone still rings every spring with callers who think the event is overseas. “We get people who think we’re in [[London]], [[England]],” she said. “We tell them our chicken is better and our hotels are cheaper.”

The festival opens Thursday evening with a gospel concert and runs through Sunday afternoon. Parking at the fairgrounds is $10, and shuttles will run from the {{London Community Center}} every 20 minutes.
"""),

("h06", """A Weekend in [[Cambridge|Cambridge, Maryland]]: Crabs, Tubman and a Very Big River

Posted by Jess Albright

Most people hear the name and picture Harvard in [[Massachusetts]] or the old colleges of [[England]]. This [[Cambridge|Cambridge, Maryland]] sits on the south bank of the [[Choptank River]] in [[Maryland]], about an hour and a half from [[Annapolis|Annapolis, Maryland]], and it deserves its own trip.

We started at the Harriet Tubman Museum on {{Race Street}}, then drove south through [[Dorchester County|Dorchester County, Maryland]], where Tubman was born and where the marshes run flat all the way to the [[Chesapeake Bay]]. Bring bug spray — seriously.

Dinner was a dozen steamed crabs on a dock at the edge of the [[Choptank|Choptank River]], and the sunset over the water was the best free show we saw all summer. Downtown [[Cambridge|Cambridge, Maryland]] has a handful of galleries and a brewery in an old bank building.

Tip: the Hyatt on the river is pricey in July. Smaller inns in town were half the cost and a short walk from the waterfront.
"""),

("h07", """Wildfire Threatens Outskirts of [[Toledo|Toledo, Spain]] as Heat Wave Grips [[Spain]]

[[TOLEDO|Toledo, Spain]], [[Spain]] (Reuters) — Firefighters backed by water-dropping aircraft battled a wildfire on Sunday a few kilometres from the historic centre of [[Toledo|Toledo, Spain]], as temperatures across central [[Spain]] climbed above 42 degrees Celsius.

Authorities in the [[Castilla-La Mancha|Castilla–La Mancha]] region evacuated around 300 residents from scattered houses south of the [[Tagus|Tagus]] river, which loops around the medieval city. Smoke was visible from motorways leading to [[Madrid]], about 70 km to the north.

“The wind is the enemy today,” a regional emergency official told reporters.

The city, a UNESCO World Heritage site, draws millions of tourists each year. Its sister city across the [[Atlantic|Atlantic Ocean]], [[Toledo|Toledo, Ohio]], in the [[U.S.|United States]] state of [[Ohio]], posted a message of support on social media.

[[Spain]]’s weather agency AEMET said the heat would last at least until Wednesday.
"""),

("h08", """[[TOLEDO|Toledo, Ohio]], [[Ohio]] (AP) — Algae blooms on western [[Lake Erie]] are expected to be moderately severe this summer, scientists said Thursday, a forecast closely watched in [[Toledo|Toledo, Ohio]], where a toxic bloom shut down the tap water for about half a million people in 2014.

Researchers said heavy spring rains washed fertilizer from farm fields into the [[Maumee River]], which empties into the lake at [[Toledo|Toledo, Ohio]]. The watershed stretches across northwest [[Ohio]] and into [[Indiana]] and southern [[Michigan]].

“We’re better prepared than we were, but the lake doesn’t care about our preparations,” said Dr. Helen Moss, a biologist at the University of {{Toledo}}.

Officials in [[Lucas County|Lucas County, Ohio]] said the city’s upgraded treatment plant can handle higher toxin levels. Farm groups on both sides of the [[Michigan]] border say they have cut phosphorus use, though environmental groups quoted by The {{Toledo}} Blade argue the cuts have been too slow.
"""),

("h09", """[[PERTH|Perth, Scotland]], [[Scotland]] — Residents of low-lying streets in [[Perth|Perth, Scotland]] were told to leave their homes on Saturday night as the [[River Tay]] rose to its highest level in more than a decade after two days of torrential rain.

{{Perth and Kinross}} Council opened a rest centre at a leisure complex and closed the North Inch park, where water covered the golf course. Trains between [[Perth|Perth, Scotland]] and [[Dundee]] were suspended, and several roads towards [[Edinburgh]] were shut.

Among those caught out were Mark and Jenny Cole, a couple visiting from [[Perth]], [[Western Australia]], who had arrived that morning to trace family history. “We flew halfway round the world and swapped a heatwave for a flood,” Mrs Cole said.

The Scottish Environment Protection Agency had 14 flood warnings in force across [[Scotland]] on Sunday. Forecasters said the [[Tay|River Tay]] was expected to peak before dawn.
"""),

("h10", """[[VICTORIA|Victoria, British Columbia]] — The [[B.C.|British Columbia]] government says it will buy four new electric ferries to serve routes between [[Vancouver Island]] and the mainland, officials announced Monday in [[Victoria|Victoria, British Columbia]].

The vessels will sail between [[Swartz Bay]], north of the capital, and [[Tsawwassen]], south of [[Vancouver]], on one of the busiest crossings of the [[Strait of Georgia]]. {{BC}} Ferries said the first ship should enter service in 2029.

Long lineups over the Victoria Day long weekend drew complaints from travellers across [[British Columbia]], some of whom waited more than six hours for a sailing.

“People on the island are tired of planning their lives around a ferry schedule,” said transportation critic Lorna Singh, who represents a riding near [[Nanaimo]].

The ships will be built abroad because no Canadian yard can deliver them in time, a decision that drew criticism from shipbuilding unions.
"""),

("h11", """[[HAMILTON|Hamilton, New Zealand]], [[New Zealand]] (Reuters) — Officials in [[Hamilton|Hamilton, New Zealand]] asked residents on Tuesday to cut water use by a fifth after a dry summer left the [[Waikato River]], the country’s longest, at its lowest level in years.

The river flows north from [[Lake Taupō]] through farmland and the city before reaching the sea south of [[Auckland]], which also draws part of its drinking water from it.

{{Waikato}} Regional Council said sprinkler bans would apply from Thursday.

Sarah Hamilton, a dairy farmer near [[Cambridge|Cambridge, New Zealand]], said the dry spell had forced her to sell part of her herd early. “The grass stopped growing in January,” she said.

Forecasters at MetService said rain was not expected until the end of the month. Dry conditions have also been recorded across much of the [[North Island]] and parts of [[Canterbury|Canterbury, New Zealand]].
"""),
]
