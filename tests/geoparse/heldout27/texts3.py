TEXTS = [
("h23", """[[PORT HARCOURT|Port Harcourt]], [[Nigeria]] (Reuters) — The {{Niger Delta}} Development Commission said on Monday it had awarded contracts to rebuild about 200 km of roads damaged by last year’s floods, as communities in [[Rivers State]] and [[Bayelsa|Bayelsa State]] struggle to recover.

The floods, the worst in a decade, followed weeks of heavy rain and the release of water from the {{Lagdo Dam}} in [[Cameroon]], which sent the [[Benue|Benue River]] and the [[Niger|Niger River]] over their banks. More than 600 people were killed across [[Nigeria]].

Fishermen in the [[Niger Delta]] said they were still waiting for compensation. “Our nets were washed away, our boats are gone,” said Tamuno Briggs, who lives in a creek community outside [[Port Harcourt]].

The river rises in [[Guinea]] and flows through [[Mali]] and [[Niger]] before entering [[Nigeria]]. Officials in [[Abuja]] have discussed building a new dam upstream to hold back flood water, a plan first proposed more than 40 years ago.
"""),

("h24", """[[TBILISI|Tbilisi]], [[Georgia|Georgia (country)]] (Reuters) — Tens of thousands of people rallied outside parliament in [[Tbilisi]] on Sunday, waving EU flags and demanding that the government revive [[Georgia|Georgia (country)]]’s bid to join the bloc.

Protesters also gathered in [[Batumi]], the [[Black Sea]] port, and in [[Kutaisi]], the country’s third city. Police said the rallies were largely peaceful.

The ruling Georgian Dream party accuses the opposition of trying to drag the country into conflict with [[Russia]], which fought a brief war with [[Georgia|Georgia (country)]] in 2008 and still keeps troops in [[South Ossetia]] and [[Abkhazia]].

[[Washington|Washington, D.C.]] and [[Brussels]] have urged the government to drop a law on foreign funding that critics compare to Russian legislation.

By coincidence, a delegation of lawmakers from the [[U.S.|United States]] state of [[Georgia|Georgia (U.S. state)]] was in [[Tbilisi]] on a long-planned visit. “We keep getting each other’s mail,” one of them joked, adding that the group would meet students and business leaders on Monday before flying home to [[Atlanta]].
"""),

("h25", """Patrols Added Along [[Arkansas River]] Trails in [[Tulsa|Tulsa, Oklahoma]]

[[TULSA|Tulsa, Oklahoma]], [[Okla.|Oklahoma]] — The {{Tulsa}} Police Department will put officers on bicycles along {{Riverside Drive}} and the trails beside the [[Arkansas River]] after a string of late-night robberies this month, Chief Rita Gomez said Wednesday.

Four people were robbed at knifepoint near the pedestrian bridge between 11 p.m. and 2 a.m., police said. Officer Dallas Reed, who will lead the new unit, said most victims were walking alone.

The {{Tulsa}} County Sheriff’s Office will patrol the river parks south of the city toward [[Jenks|Jenks, Oklahoma]], and officers from [[Sand Springs|Sand Springs, Oklahoma]] will cover the western end of the trail.

“The river is the best thing this city has. We are not going to let people be afraid of it,” Gomez said.

Similar patrols along the river in [[Oklahoma City]] cut reported crime by a third in their first year, according to a state report. The [[Tulsa|Tulsa, Oklahoma]] program will run through October.
"""),

("h26", """Industry Partners Join Research Park Plan on [[Kansas River]]

[[LAWRENCE|Lawrence, Kansas]], [[Kan.|Kansas]] — The University of {{Kansas}} broke ground Friday on a $120 million research building on the north bank of the [[Kansas River]], part of a plan to bring more private laboratories to [[Lawrence|Lawrence, Kansas]].

Provost Lawrence Oyelaran said three companies, two of them based in [[Kansas City|Kansas City, Missouri]], had signed leases. State lawmakers in [[Topeka|Topeka, Kansas]] approved $40 million for the project last spring.

“Students shouldn’t have to leave [[Kansas]] to find this kind of work,” said Oyelaran, who was joined at the ceremony by a former {{Kansas City}} Chiefs lineman who now runs a medical device startup.

[[Douglas County|Douglas County, Kansas]] commissioners agreed to extend a sewer line to the site. Some neighbors have raised concerns about traffic on roads leading to the river bridge.

The building is expected to open in 2027. University officials said they hoped to attract firms from across [[Missouri]] and neighboring states.
"""),

("h27", """Commerce Takes Flight as {{O’Hare}} Terminal Work Speeds Up

[[CHICAGO|Chicago]] — Construction crews at {{O’Hare International Airport}} will work around the clock this summer to finish a new concourse a year early, the {{Chicago}} Department of Aviation said Tuesday.

The $1.3 billion project has caused detours on roads in [[Cook|Cook County, Illinois]] and [[DuPage|DuPage County, Illinois]] counties, and neighbors in [[Elk Grove Village|Elk Grove Village, Illinois]] and [[Des Plaines|Des Plaines, Illinois]] have complained about overnight noise.

Aviation Commissioner Andre Willis said faster work would reduce delays for travelers through {{O’Hare}}, which handled more than 80 million passengers last year. Flights at {{Midway}} will not be affected.

City officials also announced lane closures on {{Lake Shore Drive}} for repairs to seawalls battered by waves on [[Lake Michigan]] during winter storms.

“We’re building for the next 50 years,” Willis said. The state of [[Illinois]] is paying about a fifth of the airport’s cost, with the rest covered by airline fees and bonds.
"""),

("h28", """Florence Welch Lights Up {{Wembley Stadium}}

[[LONDON|London]] — Florence Welch played to a sold-out crowd of 80,000 at {{Wembley Stadium}} on Saturday night, the biggest show of her career, and fans said the wait had been worth it.

Many had travelled from [[Manchester]], [[Glasgow]] and [[Dublin]], and queues stretched from {{Wembley Park}} station well before the gates opened. Transport for {{London}} added extra trains on the Metropolitan line.

Welch, who has said she wrote part of her latest album while staying in [[Florence]], [[Italy]], told the audience she had grown up a few miles south of the [[Thames|River Thames]] and used to take the bus past the old stadium.

“Nobody here ever thought a girl from [[Camberwell]] would be standing on this stage,” she said.

The concert was part of a summer of big stadium shows in [[Britain|United Kingdom]]. Promoters estimate such events are worth hundreds of millions of pounds to [[London]]’s economy.
"""),

("h29", """[[ST. LOUIS|St. Louis]], [[Mo.|Missouri]] — The [[Mississippi River]] crested more than 12 feet above flood stage at [[St. Louis]] on Monday, covering riverfront streets and the lower steps below the Gateway Arch.

Upstream, the [[Missouri River]], which joins the [[Mississippi|Mississippi River]] a few miles north of the city, was also running high after weeks of rain in [[Kansas]] and [[Nebraska]].

Across the river in [[Alton|Alton, Illinois]], [[Ill.|Illinois]], water spread into downtown businesses despite sandbag walls. In [[St. Charles County|St. Charles County, Missouri]], officials closed two highway bridges.

“It’s a slow-moving disaster. You watch it come for a week,” said [[Alton|Alton, Illinois]] resident Greg Pruitt as he carried boxes from his shop.

Flights at {{St. Louis Lambert International Airport}} were unaffected. The National Weather Service said the river should fall below major flood stage by Thursday, though levels downstream toward [[Cape Girardeau|Cape Girardeau, Missouri]] and [[Cairo|Cairo, Illinois]] were still rising.
"""),

("h30", """[[DAYTON|Dayton, Ohio]], [[Ohio]] (AP) — [[Dayton|Dayton, Ohio]] city commissioners on Wednesday approved a $14 million plan to rebuild a stretch of park along the [[Great Miami River]], adding a kayak launch, a terraced lawn and a pedestrian bridge to the east bank.

“People used to turn their backs on this river. Now they want to live next to it,” said Marion Tate, who leads a neighborhood group that pushed for the project.

[[Montgomery County|Montgomery County, Ohio]] will contribute $3 million, and a private foundation is covering about a third of the cost. Work is scheduled to start in the fall.

The city has added hundreds of downtown apartments in recent years, and officials hope the park will draw visitors from [[Springfield|Springfield, Ohio]], [[Xenia|Xenia, Ohio]] and the suburbs. The {{Dayton}} Dragons, the city’s minor-league baseball team, plan to host a festival on the new lawn.

Traffic on nearby streets will be restricted during construction. Officials said access to {{Dayton International Airport}} would not be affected.
"""),

("h31", """Power Cuts Return to [[Kyiv]] as Employers’ Federation Warns of Costs

[[KYIV|Kyiv]], [[Ukraine]] — Scheduled blackouts returned to [[Kyiv]] on Tuesday after overnight drone and missile strikes damaged power plants in several regions, [[Ukraine]]’s grid operator said.

Residents on the left bank of the [[Dnipro|Dnieper]] were without electricity for up to eight hours. In [[Kharkiv]], near the Russian border, trams stopped running, while [[Lviv]] in the west was largely spared.

The country has been importing electricity from [[Poland]] and [[Slovakia]] to cover shortfalls. A national federation of employers said the outages were costing businesses millions of dollars a day.

Russian state media said the strikes targeted military infrastructure. Xinhua reported that [[Beijing]] had called for restraint from both sides.

Ports along the [[Black Sea]] near [[Odesa]] were also hit, officials said, though grain shipments continued. Engineers warned that repairs could take weeks, as spare transformers are scarce across [[Europe]].
"""),

("h32", """Unity on Display as Knights Rally Past Warriors

[[LINCOLN|Lincoln, Nebraska]], [[Neb.|Nebraska]] — {{Lincoln}} Southeast came from 14 points down in the fourth quarter to beat {{Omaha}} Westside 28-24 on Friday night and reach the Class A state final for the first time in 11 years.

Junior quarterback Lincoln Hayes threw two touchdown passes in the final six minutes, the second a 35-yard strike to Jackson Moore with 41 seconds left.

“We told each other in the huddle that nobody was going home,” Hayes said.

Hundreds of Westside fans made the drive from [[Omaha]] on Interstate 80, crossing the [[Platte River]] in a long convoy of buses. The Knights will face {{Kearney}} High, which beat a team from [[Grand Island|Grand Island, Nebraska]] earlier in the day.

The final is scheduled for next Monday in [[Lincoln|Lincoln, Nebraska]]. Southeast coach Tom Brandt said the short turnaround would test his team. “Three days to heal. We’ll take it,” he said.
"""),

("h33", """[[FLORENCE|Florence, Alabama]], [[Ala.|Alabama]] — The {{Florence}} City Schools board voted Tuesday to build a new middle school on land near the [[Tennessee River]], ending two years of debate over where to put the district’s growing number of students.

The $48 million school will replace a 1950s building that board members said has leaking roofs and failing air conditioning. Construction will be paid for with bonds backed by a half-cent sales tax.

Veteran teacher Florence Gaines, who has taught science in the old building for 27 years, told the board she was “happy to say goodbye to the buckets in my classroom.”

Parents from [[Killen|Killen, Alabama]] and other parts of [[Lauderdale County|Lauderdale County, Alabama]] attended the meeting, along with a few from [[Muscle Shoals|Muscle Shoals, Alabama]] across the river, some asking whether their children could transfer in.

The University of {{North Alabama}}, a few blocks away, has offered to share its athletic fields during construction. The school is expected to open in 2028, and officials in [[Huntsville|Huntsville, Alabama]] have asked to tour it as a model.
"""),
]
