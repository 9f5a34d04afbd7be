TEXTS = [
("h12", """[[Paris]] Commuters Face Third Day of Rail Strike

[[PARIS|Paris]] (Reuters) — Commuters across [[Paris]] faced a third day of disruption on Thursday as rail workers extended a strike over pension changes, with only one in three suburban trains running and long queues at {{Gare de Lyon}}, one of the capital’s busiest stations.

High-speed services to [[Lyon]] and [[Marseille]] were cut by half, national operator SNCF said, while dozens of flights from {{Orly}} airport were cancelled because of a parallel walkout by air traffic controllers.

Unions said they would march along the banks of the [[Seine]] on Saturday. “The government has chosen confrontation,” one union leader told reporters outside the transport ministry.

The strike comes as [[France]] tries to rein in its budget deficit under pressure from the EU’s fiscal rules. Officials in [[Brussels]] are due to review [[France]]’s spending plans next month, and ratings agencies have warned that further slippage could cost the country its credit grade.
"""),

("h13", """Smoke From Peat Fires Settles Over [[Moscow]]

[[MOSCOW|Moscow]] (Reuters) — A haze of smoke from peat bogs burning east of [[Moscow]] drifted over the Russian capital on Tuesday, and health officials advised elderly residents to stay indoors and keep windows shut.

Visibility along the [[Moskva River|Moskva (river)]] fell to a few hundred metres in the morning, and some flights at {{Sheremetyevo}} airport were delayed. The emergencies ministry said about 60 fires were burning in the neighbouring [[Vladimir|Vladimir Oblast]] region, where firefighting aircraft had been sent from [[Siberia]].

President Vladimir Putin discussed the fires with regional governors by video link, the Kremlin said.

Residents of [[St Petersburg|Saint Petersburg]], 700 km to the north-west, reported clear skies. Meteorologists said a change of wind direction could push the smoke away from [[Moscow]] by Thursday, but warned that the bogs could smoulder underground for weeks. The summer of 2010, when smog covered much of central [[Russia]], is still remembered as one of the worst in the city’s history.
"""),

("h14", """[[ATHENS|Athens]] (AP) — A wildfire fanned by gale-force winds tore through pine forest on the slopes of [[Mount Parnitha]] north of [[Athens]] on Monday, forcing the evacuation of several suburbs and sending a plume of smoke over the city.

More than 300 firefighters, backed by helicopters and water-dropping planes, were battling the blaze, [[Greece]]’s fire service said. Civil protection authorities sent text alerts to residents across northern [[Attica]], urging them to move south.

A second fire was burning on the island of [[Evia|Euboea]], where ferries from [[Piraeus]] and smaller ports were used to carry residents away from threatened villages, echoing the evacuations of 2021.

“The wind off the [[Aegean|Aegean Sea]] is the problem. It changes direction every hour,” said Nikos Pappas, an [[Athens]]-based meteorologist.

Operations at {{Athens International Airport}} were not affected, officials said. Temperatures were forecast to reach 41 C (106 F) on Tuesday.
"""),

("h15", """[[BEIRUT|Beirut]] (AP) — Farmers in [[Lebanon]]’s [[Bekaa Valley]] say the worst drought in decades has cut their potato and wheat harvests by half, and the [[Litani River]], the country’s longest, has slowed to a trickle in places.

Water authorities said the reservoir that feeds irrigation canals across the valley was at a quarter of its normal level. Some growers have started drilling private wells, which experts warn could drain aquifers shared with [[Syria]].

“My father farmed here through war. He never saw the land this dry,” said Ali Hamadeh, who grows vegetables near the town of [[Zahle|Zahlé]].

The crisis adds to years of economic collapse in [[Lebanon]]. Aid groups have stepped in with seed and fuel, including a church group from [[Lebanon|Lebanon, Pennsylvania]], in the [[U.S.|United States]] state of [[Pennsylvania]], that raised $40,000 after a member visited [[Beirut]] last spring.

The [[Litani|Litani River]] also supplies hydroelectric plants near the southern border with [[Israel]], and officials said power cuts could lengthen through the summer.
"""),

("h16", """Storms Swamp Streets in [[Orleans|Orleans Parish, Louisiana]] and [[Jefferson|Jefferson Parish, Louisiana]] Parishes

[[NEW ORLEANS|New Orleans]] (AP) — Slow-moving thunderstorms dumped up to 9 inches of rain on parts of [[Orleans|Orleans Parish, Louisiana]] and [[Jefferson|Jefferson Parish, Louisiana]] parishes on Saturday, flooding streets, stalling cars and knocking out power to about 30,000 customers.

The {{Jefferson Parish}} Sheriff’s Office said deputies pulled a dozen drivers from stranded vehicles. In [[New Orleans]], pumping stations ran at full capacity, officials said, though several turbines were still under repair.

Across [[Lake Pontchartrain]], [[St. Tammany Parish|St. Tammany Parish, Louisiana]] reported scattered flooding. Forecasters said the storms were drawing moisture from the [[Gulf of Mexico]] and would linger until Monday.

“If you don’t have to drive, don’t,” said Renée Jackson, a spokeswoman for the city’s emergency office.

Levels on the [[Mississippi River|Mississippi River]] were not a concern, the Army Corps of Engineers said. Several flights were delayed at {{Louis Armstrong New Orleans International Airport}}, and the governor’s office in [[Baton Rouge|Baton Rouge, Louisiana]] said state crews were on standby.
"""),

("h17", """[[CLEVELAND|Cleveland]] (AP) — Lake-effect snow piled up more than 2 feet deep in parts of [[Lake|Lake County, Ohio]] and [[Geauga|Geauga County, Ohio]] counties by Tuesday morning, closing schools and leaving drivers stuck for hours on Interstate 90.

The heaviest bands set up east of [[Cleveland]], where cold air crossing the open water of [[Lake Erie]] picked up moisture. [[Chardon|Chardon, Ohio]], the [[Geauga County|Geauga County, Ohio]] seat, measured 31 inches.

[[Ashtabula County|Ashtabula County, Ohio]], farther east toward the [[Pennsylvania]] border, was under a travel ban, and plows struggled to keep up on rural roads.

In [[Cuyahoga County|Cuyahoga County, Ohio]], snow was lighter, but officials postponed court appearances for inmates held at the {{Cuyahoga County Jail}} because transport vans could not move safely.

“This is the kind of storm we get once every few years,” said meteorologist Brian Kowalski. Another round of snow is expected Thursday before temperatures rise over the weekend in northeast [[Ohio]].
"""),

("h18", """[[HOUSTON|Houston]] (Reuters) — Floodwaters rose across [[Harris|Harris County, Texas]], [[Fort Bend|Fort Bend County, Texas]] and [[Brazoria|Brazoria County, Texas]] counties on Wednesday after a tropical storm stalled over southeast [[Texas]], and officials warned the [[Brazos River]] would not crest until the weekend.

Authorities ordered evacuations in low-lying neighbourhoods near [[Richmond|Richmond, Texas]] and [[Rosharon|Rosharon, Texas]]. The {{Houston}} Independent School District cancelled classes for a second day.

Rep. Dale Whitt, R-[[Texas]], said he had asked federal officials to speed up disaster aid. “People here have been flooded three times in ten years,” he said.

The storm, which came ashore from the [[Gulf of Mexico]] on Monday, dropped more than 15 inches of rain in some spots. An [[Austin|Austin, Texas]]-based insurer estimated losses could top $2 billion.

Refineries along the coast said operations were largely normal. Ports in [[Houston]] and [[Freeport|Freeport, Texas]] were closed to ship traffic.
"""),

("h19", """[[SPOKANE|Spokane, Washington]], [[Wash.|Washington (state)]] (AP) — A wildfire in central [[Washington|Washington (state)]] state grew to more than 40,000 acres on Sunday, forcing hundreds of people from their homes near [[Yakima|Yakima, Washington]] and sending smoke east as far as [[Spokane|Spokane, Washington]] and northern [[Idaho]].

The fire started Thursday on dry grassland east of the [[Cascades|Cascade Range]] and has jumped two highways. Crews were trying to keep it from reaching orchards along the [[Columbia River]], the {{Washington}} Department of Natural Resources said.

The governor declared an emergency from [[Olympia|Olympia, Washington]], and federal officials in [[Washington|Washington, D.C.]] approved funds to help pay for the firefight.

“We have crews coming from [[Oregon]] and [[Montana]], and we still need more,” fire spokeswoman Dana Ruiz said.

About 1,200 firefighters are assigned to the blaze. Air-quality alerts were issued for much of eastern [[Washington|Washington (state)]] and for counties just across the [[Oregon]] border.
"""),

("h20", """Flood Watch Along [[Susquehanna|Susquehanna River]] as Snowmelt Meets Rain

[[TOWANDA|Towanda, Pennsylvania]] — Emergency officials in [[Bradford County|Bradford County, Pennsylvania]] are asking residents along the [[Susquehanna River]] to move vehicles and valuables to higher ground ahead of heavy rain expected Friday.

The river is forecast to reach minor flood stage at [[Towanda|Towanda, Pennsylvania]] by Saturday night. Farther north, the [[Chemung River]] joins the [[Susquehanna|Susquehanna River]] near [[Athens|Athens, Pennsylvania]] and [[Sayre|Sayre, Pennsylvania]], just south of the [[New York|New York (state)]] border, where a levee was raised after the 2011 flood.

Forecasters at the National Weather Service office in [[Binghamton|Binghamton, New York]], [[N.Y.|New York (state)]], said snowmelt from the hills would add to runoff.

The {{Athens}} Area School District said it would decide Friday whether to dismiss early.

“We have been through worse, but nobody should take it lightly,” said county emergency coordinator Jim Kerrick, a [[Towanda|Towanda, Pennsylvania]] native who spent 20 years as a firefighter in [[New York City]] before coming home to [[Pennsylvania]].
"""),

("h21", """[[QUEBEC CITY|Quebec City]] (Reuters) — The [[Quebec]] government said on Wednesday it would spend C$4 billion on new wind farms along the [[St. Lawrence River|Saint Lawrence River]], as the province races to meet rising electricity demand from industry and electric vehicles.

Hydro-{{Québec}}, the provincial utility, will buy power from projects in the [[Gaspé Peninsula]] and near [[Trois-Rivières]], Economy Minister Claire Dubé told reporters in [[Quebec City]].

Officials said new factories around [[Montreal]], including battery plants, could consume as much power as a mid-sized city. “We cannot build industry without electrons,” Dubé said.

The plan needs the support of Indigenous communities, several of which have criticised past dam projects in northern [[Quebec]].

Federal officials in [[Ottawa]] welcomed the announcement. [[Canada]] aims to cut emissions from its power grid to net zero by 2035, a target several provinces have called unrealistic.
"""),

("h22", """[[MEXICO CITY|Mexico City]] (AP) — A magnitude 6.8 earthquake struck near the [[Pacific|Pacific Ocean]] coast in the southern state of [[Guerrero]] on Thursday, shaking buildings in [[Mexico City]] nearly 300 kilometers away and sending residents into the streets.

[[Mexico]]’s National Seismological Service said the quake was centered about 30 kilometers northeast of [[Acapulco]], where several hotels reported cracked walls and broken windows. Two people were killed by a falling wall in a village in the mountains, state officials said.

Warning sirens sounded about a minute before the shaking reached [[Mexico City]]. Operations at [[Mexico City]]’s main airport were briefly halted while runways were inspected.

Residents in neighboring [[Oaxaca|Oaxaca (state)]] also felt the quake. Authorities said they were monitoring [[Popocatépetl]], the active volcano southeast of the capital, though there was no sign of increased activity.

[[Mexico]] sits on several tectonic plates and is among the world’s most seismically active countries.
"""),
]
