# Test cases for `itinera extract`, written (with expectations) BEFORE running the tool.
# Each case: id, cls, text, exp (required mentions), opt (allowed mentions), absent, trip.
# Coordinates are from my own knowledge; tolerances in km.

def P(text, cc=None, ll=None, tol=40, occ=0, kind=None, in_name=False, alts=(), note=""):
    return dict(t=text, cc=cc, ll=ll, tol=tol, occ=occ, kind=kind, in_name=in_name, alts=list(alts), note=note)

def R(text, cc, ll=None, tol=900, occ=0, in_name=False, alts=()):
    """a first-level region (state/province)"""
    return P(text, cc, ll, tol, occ, kind="region", in_name=in_name, alts=alts)

def C(text, cc, occ=0, in_name=False, alts=()):
    return P(text, cc, None, 0, occ, kind="country", in_name=in_name, alts=alts)

def O(text, cc=None, ll=None, tol=40, occ=0, kind=None, in_name=None, alts=()):
    return P(text, cc, ll, tol, occ, kind, in_name, alts)

def A(text, occ=None):
    return dict(t=text, occ=occ)

# frequently used points
LONDON_UK = (51.5074, -0.1278); PARIS_FR = (48.8566, 2.3522); DC = (38.9072, -77.0369)
NYC = (40.7128, -74.0060); SPRINGFIELD_IL = (39.7817, -89.6501); LA = (34.0522, -118.2437)
OHIO = (40.3, -82.8); TEXAS = (31.5, -99.0); GEORGIA_US = (32.7, -83.4); ILLINOIS = (40.0, -89.2)
WA_STATE = (47.4, -120.5); NY_STATE = (42.9, -75.5); FLORIDA = (28.3, -82.0)
DISTRICT = ("district",)
CITYISH = ("city", "district")

CASES = []
def case(id, cls, text, exp=(), opt=(), absent=(), trip=None, note=""):
    CASES.append(dict(id=id, cls=cls, text=text, exp=list(exp), opt=list(opt), absent=list(absent), trip=trip, note=note))

# ---------------------------------------------------------------- class 1: namesakes vs famous
case("1a", 1, "LONDON, Ont. — Fire crews in London spent Tuesday night battling a blaze at a warehouse on the city’s east side, a few kilometres from Highway 401. No one was hurt, the London Fire Department said.",
     exp=[P("LONDON", "CA", (42.9849, -81.2453), 30), R("Ont.", "CA"), P("London", "CA", (42.9849, -81.2453), 30, occ=0),
          P("London", "CA", (42.9849, -81.2453), 30, occ=1, in_name=True)],
     opt=[O("Highway 401", "CA", (43.5, -80.5), 300, in_name=True)])
case("1b", 1, "PARIS, Tenn. (AP) — The Henry County sheriff says two men were arrested after a chase that ended near the Paris Landing State Park marina. Officials in Paris said the men were wanted in Kentucky.",
     exp=[P("PARIS", "US", (36.302, -88.326), 30), R("Tenn.", "US", (35.86, -86.35), 600),
          P("Henry County", "US", (36.33, -88.30), 40, in_name=None, kind=DISTRICT),
          P("Paris Landing State Park", "US", (36.43, -88.08), 50, in_name=True, alts=["Paris", "Paris Landing", "Paris Landing State Park"]),
          P("Paris", "US", (36.302, -88.326), 30, occ=1), R("Kentucky", "US", (37.5, -85.3), 600)],
     absent=[A("AP")])
case("1c", 1, "DUBLIN, Ohio — The Memorial Tournament returns to Muirfield Village this week, and hotels across Dublin and neighbouring Columbus are nearly full, city officials said.",
     exp=[P("DUBLIN", "US", (40.0992, -83.1141), 30), R("Ohio", "US", OHIO, 500), P("Dublin", "US", (40.0992, -83.1141), 30),
          P("Columbus", "US", (39.9612, -82.9988), 30)],
     opt=[O("Muirfield Village", "US", (40.0992, -83.1141), 20)], absent=[A("Memorial Tournament")])
case("1d", 1, "Thousands of fans poured into Athens on Saturday as Georgia hosted Alabama at Sanford Stadium. Traffic on the Atlanta Highway backed up for miles, Athens-Clarke County police said.",
     exp=[P("Athens", "US", (33.9519, -83.3576), 30), P("Sanford Stadium", "US", (33.95, -83.37), 30, in_name=True, kind=("facility",)),
          P("Athens-Clarke County", "US", (33.95, -83.37), 40, in_name=None, alts=["Athens", "Athens-Clarke"])],
     opt=[O("Georgia", "US", GEORGIA_US, 600), O("Alabama", "US", (32.8, -86.8), 600),
          O("Atlanta Highway", "US", (33.95, -83.37), 60, in_name=True, alts=["Atlanta"])],
     note="Georgia/Alabama here are football teams; tolerated if read as the US states, not the country")
case("1e", 1, "MOSCOW, Idaho — Police in this college town of about 26,000 said Monday they had identified a suspect in the burglary of three homes near the University of Idaho campus. Moscow Police Chief James Fry declined to give details.",
     exp=[P("MOSCOW", "US", (46.7324, -117.0002), 30), R("Idaho", "US", (44.4, -114.6), 600),
          P("Idaho", "US", (44.4, -114.6), 600, occ=1, in_name=True, kind=("region",)),
          P("Moscow", "US", (46.7324, -117.0002), 30, in_name=None)],
     absent=[A("James"), A("Fry")])
case("1f", 1, "LONDON (Reuters) — Britain’s finance minister said on Thursday that the Bank of England would keep its independence, speaking at a conference in the City of London.",
     exp=[P("LONDON", "GB", LONDON_UK, 20), C("Britain", "GB"), P("England", "GB", (52.5, -1.5), 300, in_name=True),
          P("City of London", "GB", (51.5155, -0.0922), 15, alts=["London"])],
     absent=[A("Reuters")])
case("1g", 1, "PARIS — President Emmanuel Macron met farmers’ leaders at the Élysée Palace on Wednesday after a week of tractor blockades on the roads into Paris from Normandy and Brittany.",
     exp=[P("PARIS", "FR", PARIS_FR, 20), P("Paris", "FR", PARIS_FR, 20), R("Normandy", "FR", (49.1, 0.3), 300), R("Brittany", "FR", (48.2, -2.9), 300)],
     opt=[O("Élysée Palace", "FR", PARIS_FR, 20, in_name=None)], absent=[A("Emmanuel"), A("Macron")])
case("1h", 1, "ATHENS, Greece — Greek and Georgian officials signed an energy agreement in Athens on Friday. Georgia’s prime minister flew on to Thessaloniki and then home to Tbilisi.",
     exp=[P("ATHENS", "GR", (37.9838, 23.7275), 30), C("Greece", "GR"), P("Athens", "GR", (37.9838, 23.7275), 30),
          C("Georgia", "GE"), P("Thessaloniki", "GR", (40.6401, 22.9444), 30), P("Tbilisi", "GE", (41.7151, 44.8271), 30)],
     absent=[A("Greek"), A("Georgian")])
case("1i", 1, "Police in Birmingham said on Sunday that two men had been arrested after a stabbing outside a nightclub on Broad Street, West Midlands Police confirmed.",
     exp=[P("Birmingham", "GB", (52.4862, -1.8904), 30), P("West Midlands", "GB", (52.48, -1.9), 60, in_name=True)],
     opt=[O("Broad Street", "GB", (52.4862, -1.8904), 30, in_name=True, kind=("street",))])
case("1j", 1, "Ryanair said it would cut flights from Dublin to several cities in Spain this winter, blaming high airport charges.",
     exp=[P("Dublin", "IE", (53.3498, -6.2603), 30), C("Spain", "ES")], absent=[A("Ryanair")])
case("1k", 1, "Flooding closed roads in Springfield on Tuesday, and the Illinois governor sent state troopers to help residents along the Sangamon River.",
     exp=[P("Springfield", "US", SPRINGFIELD_IL, 30), R("Illinois", "US", ILLINOIS, 500),
          P("Sangamon River", "US", (39.95, -89.6), 150, kind=("river",), alts=["Sangamon"])])
case("1l", 1, "PARIS, Texas — The 65-foot Eiffel Tower replica here, topped with a red cowboy hat, draws visitors who will never make it to the real one in France, the Lamar County tourism office said.",
     exp=[P("PARIS", "US", (33.6609, -95.5555), 30), R("Texas", "US", TEXAS, 800), C("France", "FR"),
          P("Lamar County", "US", (33.667, -95.571), 40, in_name=None, kind=DISTRICT)],
     opt=[O("Eiffel Tower")])
case("1m", 1, "MOSCOW, Idaho — A letter addressed to a man in Moscow, Russia, ended up at the post office here, and the postmaster said it was not the first time mail meant for the Kremlin had arrived in Idaho.",
     exp=[P("MOSCOW", "US", (46.7324, -117.0002), 30), R("Idaho", "US", (44.4, -114.6), 600),
          P("Moscow", "RU", (55.7558, 37.6173), 30), C("Russia", "RU"), R("Idaho", "US", (44.4, -114.6), 600, occ=1)],
     opt=[O("Kremlin", "RU", (55.7520, 37.6175), 20)])

# ---------------------------------------------------------------- class 2: coordinated counties / parishes / provinces
case("2a", 2, "PAINESVILLE, Ohio — Schools in Lake and Geauga counties will stay closed Friday after a storm dumped more than a foot of snow east of Cleveland.",
     exp=[P("PAINESVILLE", "US", (41.7245, -81.2457), 25), R("Ohio", "US", OHIO, 500),
          P("Lake", "US", (41.71, -81.25), 40, kind=DISTRICT, alts=["Lake County"]),
          P("Geauga", "US", (41.50, -81.18), 40, kind=DISTRICT, alts=["Geauga counties", "Geauga County"]),
          P("Cleveland", "US", (41.4993, -81.6944), 25)])
case("2b", 2, "Storms knocked out power to 40,000 customers across Jefferson and Shelby counties overnight, Alabama Power said on Monday, and crews from Georgia were on their way to Birmingham.",
     exp=[P("Jefferson", "US", (33.55, -86.90), 50, kind=DISTRICT), P("Shelby", "US", (33.26, -86.66), 50, kind=DISTRICT, alts=["Shelby counties"]),
          P("Alabama", "US", (32.8, -86.8), 600, in_name=True), R("Georgia", "US", GEORGIA_US, 600),
          P("Birmingham", "US", (33.5186, -86.8104), 30)])
case("2c", 2, "Evacuations were ordered in Plaquemines, St. Bernard and Jefferson parishes ahead of the storm, the Louisiana governor’s office said late Sunday.",
     exp=[P("Plaquemines", "US", (29.45, -89.65), 80, kind=DISTRICT), P("St. Bernard", "US", (29.87, -89.55), 60, kind=DISTRICT),
          P("Jefferson", "US", (29.73, -90.1), 70, kind=DISTRICT, alts=["Jefferson parishes"]), R("Louisiana", "US", (31.0, -92.0), 500)])
case("2d", 2, "Wildfire smoke from Alberta and British Columbia drifted as far south as Montana and Idaho on Wednesday.",
     exp=[R("Alberta", "CA", (55.0, -115.0), 900), R("British Columbia", "CA", (53.7, -127.6), 1000),
          R("Montana", "US", (47.0, -109.6), 600), R("Idaho", "US", (44.4, -114.6), 600)])
case("2e", 2, "Officials in Cook, DuPage and Will counties urged residents to stay off the roads as the blizzard moved in from Iowa.",
     exp=[P("Cook", "US", (41.84, -87.82), 40, kind=DISTRICT), P("DuPage", "US", (41.85, -88.09), 40, kind=DISTRICT),
          P("Will", "US", (41.45, -87.98), 40, kind=DISTRICT, alts=["Will counties"]), R("Iowa", "US", (42.0, -93.5), 500)])
case("2f", 2, "Met Éireann issued a red warning for counties Cork and Kerry, where gusts of up to 130 km/h were expected on Friday.",
     exp=[P("Cork", "IE", (51.97, -8.74), 60, kind=CITYISH), P("Kerry", "IE", (52.15, -9.57), 60, kind=CITYISH)],
     opt=[O("Éireann", "IE", in_name=True)])
case("2g", 2, "Heavy rain hit Guangdong and Guangxi provinces over the weekend, and flights at Guangzhou’s Baiyun airport were delayed.",
     exp=[R("Guangdong", "CN", (23.4, 113.4), 400), R("Guangxi", "CN", (23.8, 108.8), 400, alts=["Guangxi provinces"]),
          P("Guangzhou", "CN", (23.1291, 113.2644), 30)],
     opt=[O("Baiyun", "CN", (23.39, 113.30), 40)])
case("2h", 2, "Schools in Miami-Dade, Broward and Palm Beach counties will reopen Thursday, Florida officials said.",
     exp=[P("Miami-Dade", "US", (25.6, -80.5), 60, kind=DISTRICT), P("Broward", "US", (26.15, -80.45), 50, kind=DISTRICT),
          P("Palm Beach", "US", (26.65, -80.45), 50, kind=DISTRICT, alts=["Palm Beach counties"]), R("Florida", "US", FLORIDA, 600)])
case("2i", 2, "Snow closed highways across Saskatchewan, Manitoba and northwestern Ontario, and Winnipeg recorded its coldest night of the year.",
     exp=[R("Saskatchewan", "CA", (54.0, -106.0), 800), R("Manitoba", "CA", (54.0, -97.0), 800), R("Ontario", "CA", (50.0, -85.0), 1000),
          P("Winnipeg", "CA", (49.8951, -97.1384), 30)])

# ---------------------------------------------------------------- class 3: region vs city by context
case("3a", 3, "The fire burned across 4,000 acres of forest in northern Pennsylvania, a few miles from the New York border, state officials said.",
     exp=[R("Pennsylvania", "US", (40.9, -77.8), 400), R("New York", "US", NY_STATE, 400)])
case("3b", 3, "Washington state health officials reported 12 new measles cases in Clark County, across the river from Portland, Oregon.",
     exp=[R("Washington", "US", WA_STATE, 500, alts=["Washington state"]), P("Clark County", "US", (45.78, -122.48), 40, kind=DISTRICT),
          P("Portland", "US", (45.5152, -122.6784), 25), R("Oregon", "US", (44.0, -120.5), 500)])
case("3c", 3, "The Quebec government said Tuesday it would extend the curfew in Montreal and Quebec City until February.",
     exp=[R("Quebec", "CA", (52.0, -72.0), 900), P("Montreal", "CA", (45.5017, -73.5673), 25), P("Quebec City", "CA", (46.8139, -71.2080), 25)])
case("3d", 3, "Lake-effect snow buried towns across upstate New York, with Buffalo recording 30 inches by Saturday morning.",
     exp=[R("New York", "US", NY_STATE, 400), P("Buffalo", "US", (42.8864, -78.8784), 25)])
case("3e", 3, "Lawmakers in Washington are weighing a bill that would let the state of Washington set its own vehicle emission rules.",
     exp=[P("Washington", "US", DC, 25, occ=0), R("Washington", "US", WA_STATE, 500, occ=1, alts=["state of Washington"])])
case("3f", 3, "Mexico’s president flew from Mexico City to the state of Oaxaca on Sunday, where an earthquake had damaged homes in the city of Oaxaca and nearby towns.",
     exp=[C("Mexico", "MX"), P("Mexico City", "MX", (19.4326, -99.1332), 30),
          R("Oaxaca", "MX", (17.0, -96.5), 300, occ=0, alts=["state of Oaxaca"]),
          P("Oaxaca", "MX", (17.0732, -96.7266), 25, occ=1, kind=("city",), alts=["city of Oaxaca"])])
case("3g", 3, "The governor of New York said the subway in New York City would run through the night.",
     exp=[R("New York", "US", NY_STATE, 400, occ=0), P("New York City", "US", NYC, 25)])
case("3h", 3, "A federal judge in Atlanta blocked the Georgia law on Friday, siding with voting rights groups.",
     exp=[P("Atlanta", "US", (33.749, -84.388), 25), R("Georgia", "US", GEORGIA_US, 500)])
case("3i", 3, "Voters in Kansas rejected the amendment, while across the state line in Kansas City, Missouri, turnout was low.",
     exp=[R("Kansas", "US", (38.5, -98.0), 500, occ=0), P("Kansas City", "US", (39.0997, -94.5786), 25), R("Missouri", "US", (38.4, -92.5), 500)])

# ---------------------------------------------------------------- class 4: same name inside an organisation and as a place
case("4a", 4, "University of Iowa researchers found that farm runoff in Iowa rose sharply after the 2019 floods.",
     exp=[P("Iowa", "US", (42.0, -93.5), 500, occ=0, in_name=True, kind=("region",)), R("Iowa", "US", (42.0, -93.5), 500, occ=1)])
case("4b", 4, "The Ohio Department of Health reported 300 new cases, most of them in central Ohio around Columbus.",
     exp=[P("Ohio", "US", OHIO, 500, occ=0, in_name=True, kind=("region",)), R("Ohio", "US", OHIO, 500, occ=1),
          P("Columbus", "US", (39.9612, -82.9988), 25)])
case("4c", 4, "The Fresno Police Department said the shooting happened late Saturday near a park in south Fresno.",
     exp=[P("Fresno", "US", (36.7378, -119.7871), 25, occ=0, in_name=True), P("Fresno", "US", (36.7378, -119.7871), 25, occ=1)])
case("4d", 4, "Texas A&M University will open a campus in Qatar, and the school said students from Texas would be able to spend a semester in Doha.",
     exp=[P("Texas", "US", TEXAS, 800, occ=0, in_name=True), C("Qatar", "QA"), R("Texas", "US", TEXAS, 800, occ=1),
          P("Doha", "QA", (25.2854, 51.5310), 25)])
case("4e", 4, "The Chicago Tribune reported that Chicago’s mayor would travel to Springfield to lobby for transit money.",
     exp=[P("Chicago", "US", (41.8781, -87.6298), 25, occ=0, in_name=True), P("Chicago", "US", (41.8781, -87.6298), 25, occ=1),
          P("Springfield", "US", SPRINGFIELD_IL, 30)])
case("4f", 4, "Boston Scientific, the medical device maker, will move 500 jobs from Boston to Minnesota, where its cardiology unit is based.",
     exp=[P("Boston", "US", (42.3601, -71.0589), 25, occ=0, in_name=True), P("Boston", "US", (42.3601, -71.0589), 25, occ=1),
          R("Minnesota", "US", (46.3, -94.3), 500)])
case("4g", 4, "Fans of the Denver Broncos packed bars across Denver on Sunday night after the team’s win in Kansas City.",
     exp=[P("Denver", "US", (39.7392, -104.9903), 25, occ=0, in_name=True), P("Denver", "US", (39.7392, -104.9903), 25, occ=1),
          P("Kansas City", "US", (39.0997, -94.5786), 30)])
case("4h", 4, "The Kansas City Chiefs’ parade drew a million people to downtown Kansas City, Missouri, on Wednesday.",
     exp=[P("Kansas City", "US", (39.0997, -94.5786), 30, occ=0, in_name=True), P("Kansas City", "US", (39.0997, -94.5786), 25, occ=1),
          R("Missouri", "US", (38.4, -92.5), 500)])
case("4i", 4, "The Washington Post reported that Seattle would ask Washington lawmakers in Olympia for more money.",
     exp=[P("Washington", "US", DC, 30, occ=0, in_name=True), P("Seattle", "US", (47.6062, -122.3321), 25),
          R("Washington", "US", WA_STATE, 500, occ=1), P("Olympia", "US", (47.0379, -122.9007), 25)])

# ---------------------------------------------------------------- class 5: places inside organisation/facility names
case("5a", 5, "Deputies booked the man into the Pike County Jail in Waverly, Ohio, on Friday.",
     exp=[P("Pike County", "US", (39.07, -83.05), 40, in_name=True, alts=["Pike County Jail"]), P("Waverly", "US", (39.1267, -82.9852), 25),
          R("Ohio", "US", OHIO, 500)])
case("5b", 5, "Researchers at the University of Michigan and Ohio State University published the study in the journal Nature.",
     exp=[P("Michigan", "US", (44.3, -85.4), 600, in_name=True), P("Ohio", "US", OHIO, 500, in_name=True)], absent=[A("Nature")])
case("5c", 5, "A spokesman for the Los Angeles County Sheriff’s Department said deputies responded to a call in Compton just after midnight.",
     exp=[P("Los Angeles County", "US", (34.3, -118.2), 100, in_name=True, alts=["Los Angeles"]), P("Compton", "US", (33.8958, -118.2201), 20)])
case("5d", 5, "The Bank of Japan kept rates unchanged, and the Reserve Bank of Australia is expected to follow next week.",
     exp=[P("Japan", "JP", in_name=True, tol=0), P("Australia", "AU", in_name=True, tol=0)])
case("5e", 5, "The Kentucky Derby will be run at Churchill Downs in Louisville on May 3, track officials said.",
     exp=[P("Kentucky", "US", (37.5, -85.3), 600, in_name=True), P("Louisville", "US", (38.2527, -85.7585), 25)],
     opt=[O("Churchill Downs", "US", (38.2527, -85.7585), 20, in_name=None)])
case("5f", 5, "Manchester United beat Real Madrid 2-1 in a friendly in Philadelphia on Saturday.",
     exp=[P("Manchester", "GB", (53.4808, -2.2426), 30, in_name=True), P("Madrid", "ES", (40.4168, -3.7038), 30, in_name=True),
          P("Philadelphia", "US", (39.9526, -75.1652), 25)])
case("5g", 5, "Toronto Police Service said a man was arrested at Union Station in downtown Toronto on Monday.",
     exp=[P("Toronto", "CA", (43.6532, -79.3832), 25, occ=0, in_name=True), P("Union Station", "CA", (43.6453, -79.3806), 20, in_name=True),
          P("Toronto", "CA", (43.6532, -79.3832), 25, occ=1)])
case("5h", 5, "Crews from the Florida Department of Transportation reopened the bridge to Key West on Monday.",
     exp=[P("Florida", "US", FLORIDA, 600, in_name=True), P("Key West", "US", (24.5551, -81.7800), 20)])
case("5i", 5, "The Arizona Diamondbacks will hold spring training in Scottsdale, and the Arizona Republic said the team was looking at land near Phoenix.",
     exp=[P("Arizona", "US", (34.2, -111.6), 500, occ=0, in_name=True), P("Scottsdale", "US", (33.4942, -111.9261), 25),
          P("Arizona", "US", (34.2, -111.6), 500, occ=1, in_name=True), P("Phoenix", "US", (33.4484, -112.0740), 25)])

# ---------------------------------------------------------------- class 6: streets, buildings, venues, airports
case("6a", 6, "Police closed Elm Street in Dayton after a water main broke early Tuesday.",
     exp=[P("Elm Street", "US", (39.7589, -84.1916), 25, in_name=True, kind=("street",)), P("Dayton", "US", (39.7589, -84.1916), 25)])
case("6b", 6, "The Lakers beat the Celtics 112-104 at the Staples Center in Los Angeles on Friday night.",
     exp=[P("Staples Center", "US", (34.043, -118.267), 20, in_name=True, kind=("facility",)), P("Los Angeles", "US", LA, 25)],
     absent=[A("Lakers"), A("Celtics")])
case("6c", 6, "VATICAN CITY — Tens of thousands of pilgrims filled St. Peter’s Square on Sunday to hear the pope’s Easter blessing.",
     exp=[P("VATICAN CITY", "VA", (41.9029, 12.4534), 10, alts=["VATICAN"]),
          P("St. Peter’s Square", None, (41.9022, 12.4568), 10, in_name=True, alts=["St. Peter’s Square"])],
     note="VA or IT accepted for the square")
case("6d", 6, "Hundreds of flights were cancelled at Heathrow on Friday after a fire at an electricity substation in west London cut power to Europe’s busiest airport.",
     exp=[P("Heathrow", "GB", (51.4700, -0.4543), 15, in_name=None, kind=("facility",)), P("London", "GB", LONDON_UK, 25),
          P("Europe", None, (50.0, 10.0), 2000, kind=("continent",))])
case("6e", 6, "A United flight bound for O’Hare diverted to Denver after a passenger fell ill over Nebraska.",
     exp=[P("O’Hare", "US", (41.9742, -87.9073), 15, in_name=None, kind=("facility",)), P("Denver", "US", (39.7392, -104.9903), 25),
          R("Nebraska", "US", (41.5, -99.8), 500)], absent=[A("United")])
case("6f", 6, "Travelers at JFK and LaGuardia faced delays of up to three hours as snow fell across New York City.",
     exp=[P("JFK", "US", (40.6413, -73.7781), 15, in_name=None, kind=("facility",)), P("LaGuardia", "US", (40.7769, -73.8740), 15, in_name=None, kind=("facility",)),
          P("New York City", "US", NYC, 25)])
case("6g", 6, "England will play Brazil at Wembley Stadium in March, the Football Association said.",
     exp=[P("Wembley Stadium", "GB", (51.556, -0.2796), 20, in_name=True, alts=["Wembley"])],
     opt=[O("England", "GB"), O("Brazil", "BR")], absent=[A("Football Association")],
     note="England/Brazil are national teams: tolerated as their countries")
case("6h", 6, "Protesters marched down Pennsylvania Avenue toward the White House on Saturday.",
     opt=[O("Pennsylvania Avenue", "US", DC, 15, in_name=True, alts=["Pennsylvania"]), O("White House", "US", DC, 15)],
     note="Pennsylvania must not be a mention of the state")
case("6i", 6, "New Year’s Eve revellers began gathering in Times Square by noon, the NYPD said.",
     exp=[P("Times Square", "US", (40.7580, -73.9855), 15, in_name=None)], absent=[A("NYPD"), A("New Year")])
case("6j", 6, "Eurostar trains from London St Pancras were cancelled, leaving hundreds stranded at the Gare du Nord in Paris.",
     exp=[P("London", "GB", (51.53, -0.1255), 20, in_name=None, alts=["London St Pancras"]),
          P("Gare du Nord", "FR", (48.8809, 2.3553), 15, in_name=None), P("Paris", "FR", PARIS_FR, 20)],
     opt=[O("St Pancras", "GB", (51.53, -0.1255), 20)], absent=[A("Eurostar")])
case("6k", 6, "The concert moved from Madison Square Garden to the Barclays Center in Brooklyn after the roof leaked.",
     exp=[P("Madison Square Garden", "US", (40.7505, -73.9934), 20, in_name=None, alts=["Madison Square", "Madison"]),
          P("Barclays Center", "US", (40.6826, -73.9754), 20, in_name=True), P("Brooklyn", "US", (40.6782, -73.9442), 20)])

# ---------------------------------------------------------------- class 7: natural features
case("7a", 7, "Algae blooms spread across the western basin of Lake Erie this week, reaching the shoreline near Toledo.",
     exp=[P("Lake Erie", None, (42.2, -81.2), 250, kind=("lake",)), P("Toledo", "US", (41.6528, -83.5379), 25)])
case("7b", 7, "Barges were stranded on the Ohio River near Cairo, Illinois, where it meets the Mississippi.",
     exp=[P("Ohio River", "US", (38.5, -84.0), 600, kind=("river",)), P("Cairo", "US", (37.0053, -89.1765), 25), R("Illinois", "US", ILLINOIS, 500),
          P("Mississippi", "US", (37.0, -90.0), 1000, kind=("river",))])
case("7c", 7, "The expedition set off across the Gobi from Dalanzadgad, in southern Mongolia.",
     exp=[P("Gobi", None, (42.8, 103.0), 600), P("Dalanzadgad", "MN", (43.5708, 104.4250), 25), C("Mongolia", "MN")])
case("7d", 7, "Climbers on Mount Everest reported strong winds, and several teams turned back to base camp in Nepal.",
     exp=[P("Mount Everest", None, (27.9881, 86.9250), 30, kind=("mountain",), alts=["Everest"]), C("Nepal", "NP")])
case("7e", 7, "Gazprom shipped gas from Sakhalin to Japan across the Sea of Okhotsk.",
     exp=[P("Sakhalin", "RU", (50.5, 142.8), 500), C("Japan", "JP"), P("Sea of Okhotsk", None, (55.0, 150.0), 900, kind=("sea",))],
     absent=[A("Gazprom")])
case("7f", 7, "The Danube burst its banks in Budapest, and the Rhine was closed to shipping near Cologne.",
     exp=[P("Danube", None, (46.0, 20.0), 1000, kind=("river",)), P("Budapest", "HU", (47.4979, 19.0402), 25),
          P("Rhine", None, (50.0, 7.5), 500, kind=("river",)), P("Cologne", "DE", (50.9375, 6.9603), 25)])
case("7g", 7, "Snow closed Interstate 80 over Donner Pass, stranding drivers between Reno and Lake Tahoe.",
     exp=[P("Donner Pass", "US", (39.3158, -120.3294), 30), P("Reno", "US", (39.5296, -119.8138), 25),
          P("Lake Tahoe", "US", (39.0968, -120.0324), 30)],
     opt=[O("Interstate 80", "US", (39.4, -120.0), 300, in_name=True)])
case("7h", 7, "A tanker was seized in the Strait of Hormuz on Friday, and Iran said it had been bound for the United Arab Emirates.",
     exp=[P("Strait of Hormuz", None, (26.57, 56.25), 150), C("Iran", "IR"), C("United Arab Emirates", "AE")])
case("7i", 7, "Ferries to Martha’s Vineyard and Nantucket were cancelled as the storm approached Cape Cod.",
     exp=[P("Martha’s Vineyard", "US", (41.39, -70.62), 25), P("Nantucket", "US", (41.2835, -70.0995), 25),
          P("Cape Cod", "US", (41.7, -70.3), 60)])
case("7j", 7, "Deforestation in the Amazon rose 20 percent last year, Brazil’s space agency said.",
     exp=[P("Amazon", None, (-3.0, -60.0), 1500), C("Brazil", "BR")])
case("7k", 7, "Ice on the St. Lawrence River trapped two freighters near Montreal, and the Coast Guard sent an icebreaker from Lake Ontario.",
     exp=[P("St. Lawrence River", None, (47.0, -71.0), 500, kind=("river",)), P("Montreal", "CA", (45.5017, -73.5673), 25),
          P("Lake Ontario", None, (43.7, -77.9), 250, kind=("lake",))], absent=[A("Coast Guard")])

# ---------------------------------------------------------------- class 8: abbreviations and datelines
case("8a", 8, "TAMPA, Fla. — A U.S. District Judge on Monday blocked the Florida law, ruling from the federal courthouse in Tampa.",
     exp=[P("TAMPA", "US", (27.9506, -82.4572), 25), R("Fla.", "US", FLORIDA, 600), R("Florida", "US", FLORIDA, 600),
          P("Tampa", "US", (27.9506, -82.4572), 25)],
     opt=[O("U.S.", "US")])
case("8b", 8, "Austin-based Whole Foods said it would close stores in Boulder and Santa Fe by the end of March.",
     exp=[P("Austin", "US", (30.2672, -97.7431), 25, alts=["Austin"]), P("Boulder", "US", (40.0150, -105.2705), 25),
          P("Santa Fe", "US", (35.6870, -105.9378), 25)], absent=[A("Whole Foods")])
case("8c", 8, "“We are not going to raise taxes,” said state Sen. Jane Smith, R-Marion, who chairs the Senate finance committee in Springfield.",
     exp=[P("Marion", "US", (37.7306, -88.9331), 40), P("Springfield", "US", SPRINGFIELD_IL, 30)],
     absent=[A("Jane"), A("Smith"), A("Senate")])
case("8d", 8, "Storm Floods Coastal Towns\nWILMINGTON, N.C. — Rising water forced hundreds from their homes in New Hanover County on Sunday.",
     exp=[P("WILMINGTON", "US", (34.2257, -77.9447), 25), R("N.C.", "US", (35.5, -79.4), 500),
          P("New Hanover County", "US", (34.18, -77.87), 40, kind=DISTRICT)],
     absent=[A("Storm"), A("Floods"), A("Coastal"), A("Towns")])
case("8e", 8, "GENEVA (AP) — The World Health Organization said on Tuesday that cholera cases had doubled in Yemen.",
     exp=[P("GENEVA", "CH", (46.2044, 6.1432), 25), C("Yemen", "YE")], absent=[A("AP"), A("World Health Organization")])
case("8f", 8, "ST. LOUIS — Flooding along the Meramec River closed parts of Interstate 44 in St. Louis County, and officials in Jefferson City, Mo., urged drivers to stay home.",
     exp=[P("ST. LOUIS", "US", (38.6270, -90.1994), 25), P("Meramec River", "US", (38.4, -90.6), 100, kind=("river",)),
          P("St. Louis County", "US", (38.64, -90.44), 40, kind=DISTRICT), P("Jefferson City", "US", (38.5767, -92.1735), 25),
          R("Mo.", "US", (38.4, -92.5), 500)],
     opt=[O("Interstate 44", "US", (38.5, -90.6), 300, in_name=True)])
case("8g", 8, "WASHINGTON — The Senate passed the bill 52-48 on Thursday, with both senators from Washington state voting against it.",
     exp=[P("WASHINGTON", "US", DC, 25), R("Washington", "US", WA_STATE, 500, alts=["Washington state"])], absent=[A("Senate")])
case("8h", 8, "Ithaca, N.Y., and Davis, Calif., both ranked among the best college towns in the survey.",
     exp=[P("Ithaca", "US", (42.4440, -76.5019), 25), R("N.Y.", "US", NY_STATE, 500), P("Davis", "US", (38.5449, -121.7405), 25),
          R("Calif.", "US", (37.2, -119.5), 600)])
case("8i", 8, "BEIJING (Reuters) - China’s exports rose 7 percent in March, customs data showed, with shipments to the U.S. and EU both higher.",
     exp=[P("BEIJING", "CN", (39.9042, 116.4074), 30), C("China", "CN"), C("U.S.", "US")],
     opt=[O("EU", None, (50.0, 10.0), 2500)], absent=[A("Reuters")])
case("8j", 8, "ST. JOHN’S, N.L. — A snowstorm shut down St. John’s for a third day, and the province asked Ottawa for military help.",
     exp=[P("ST. JOHN’S", "CA", (47.5615, -52.7126), 25), R("N.L.", "CA", (50.0, -58.0), 1200),
          P("St. John’s", "CA", (47.5615, -52.7126), 25), P("Ottawa", "CA", (45.4215, -75.6972), 25)])
case("8k", 8, "SPRINGFIELD, Mass. (AP) — A fire at a Main Street bakery forced the evacuation of three buildings, Springfield fire officials said.",
     exp=[P("SPRINGFIELD", "US", (42.1015, -72.5898), 25), R("Mass.", "US", (42.3, -71.8), 300),
          P("Springfield", "US", (42.1015, -72.5898), 25, in_name=None)],
     opt=[O("Main Street", "US", (42.1015, -72.5898), 25, in_name=True)], absent=[A("AP")])

# ---------------------------------------------------------------- class 9: person/organisation names and common words
case("9a", 9, "“It came out of nowhere,” said Marion, a retired nurse who has lived in Xenia, Ohio, since 1974.",
     exp=[P("Xenia", "US", (39.6848, -83.9297), 25), R("Ohio", "US", OHIO, 500)], absent=[A("Marion")])
case("9b", 9, "Smith, who moved to Tucson with his wife, Florence, in 1998, said the heat had never been this bad.",
     exp=[P("Tucson", "US", (32.2226, -110.9747), 25)], absent=[A("Smith"), A("Florence")])
case("9c", 9, "Xinhua reported that the bridge in Chongqing collapsed after days of rain.",
     exp=[P("Chongqing", "CN", (29.5630, 106.5516), 150)], absent=[A("Xinhua")])
case("9d", 9, "The Chamber of Commerce in Athens, Tennessee, will host a job fair on Friday, president Dana Lee said.",
     exp=[P("Athens", "US", (35.4429, -84.5930), 25), R("Tennessee", "US", (35.86, -86.35), 500)],
     absent=[A("Chamber"), A("Commerce"), A("Dana"), A("Lee")])
case("9e", 9, "Liberty Rally Draws Thousands as Progress Stalls on Federation Deal\nCANBERRA — Thousands rallied outside Parliament House on Saturday.",
     exp=[P("CANBERRA", "AU", (-35.2809, 149.1300), 25)],
     opt=[O("Parliament House", "AU", (-35.3081, 149.1245), 20, in_name=True)],
     absent=[A("Liberty"), A("Rally"), A("Progress"), A("Federation"), A("Deal")])
case("9f", 9, "ENTERPRISE, Ala. — The town’s famous boll weevil monument was cleaned and repainted this week, Enterprise officials said. Visitors came from Dothan and Ozark.",
     exp=[P("ENTERPRISE", "US", (31.3152, -85.8552), 25), R("Ala.", "US", (32.8, -86.8), 500), P("Enterprise", "US", (31.3152, -85.8552), 25),
          P("Dothan", "US", (31.2232, -85.3905), 25), P("Ozark", "US", (31.4590, -85.6405), 25)])
case("9g", 9, "Commerce Secretary Gina Raimondo said exports to Mexico had reached a record.",
     exp=[C("Mexico", "MX")], absent=[A("Commerce"), A("Gina"), A("Raimondo")])
case("9h", 9, "Sydney Sweeney and Paris Hilton attended the premiere in Los Angeles on Monday.",
     exp=[P("Los Angeles", "US", LA, 25)], absent=[A("Sydney"), A("Sweeney"), A("Paris"), A("Hilton")])
case("9i", 9, "Michael Jordan’s game-worn sneakers sold for $1.5 million at Sotheby’s in New York.",
     exp=[P("New York", "US", NYC, 30)], absent=[A("Jordan"), A("Sotheby’s"), A("Michael")])
case("9j", 9, "A first edition of Virginia Woolf’s ‘Orlando’ sold for £50,000 at an auction in Edinburgh.",
     exp=[P("Edinburgh", "GB", (55.9533, -3.1883), 25)], absent=[A("Virginia"), A("Woolf"), A("Orlando")])
case("9k", 9, "A copy of Abraham Lincoln’s Gettysburg Address sold at an auction in Springfield, Illinois.",
     exp=[P("Springfield", "US", SPRINGFIELD_IL, 25), R("Illinois", "US", ILLINOIS, 500)],
     opt=[O("Gettysburg", "US", (39.8309, -77.2311), 20, in_name=True)], absent=[A("Abraham"), A("Lincoln")])
case("9l", 9, "Hope Solo was honored in Richland, Washington, her hometown, on Independence Day.",
     exp=[P("Richland", "US", (46.2857, -119.2845), 25), R("Washington", "US", WA_STATE, 500)],
     absent=[A("Hope"), A("Solo"), A("Independence")])
case("9m", 9, "“I’ve never seen anything like it,” said Georgia Brown, a nurse in Macon.",
     exp=[P("Macon", "US", (32.8407, -83.6324), 25)], absent=[A("Georgia"), A("Brown")])
case("9n", 9, "Chad Johnson, a farmer near Fargo, said the spring floods had ruined his wheat.",
     exp=[P("Fargo", "US", (46.8772, -96.7898), 25)], absent=[A("Chad"), A("Johnson")])
case("9o", 9, "LIBERTY, Mo. — Liberty police arrested two teenagers after a break-in at a school on Tuesday, and officers from Kansas City helped search the area.",
     exp=[P("LIBERTY", "US", (39.2461, -94.4191), 25), R("Mo.", "US", (38.4, -92.5), 500), P("Liberty", "US", (39.2461, -94.4191), 25, in_name=None),
          P("Kansas City", "US", (39.0997, -94.5786), 25)])

# ---------------------------------------------------------------- class 10: drafted trips
def S(label, ll, tol=40):
    return dict(label=label, ll=ll, tol=tol)

case("10a", 10, "Prime Minister Narendra Modi left New Delhi on Monday for a three-nation tour. He will stop first in Kathmandu, then fly to Dhaka and end the trip in Colombo, officials said. The visit follows a phone call with leaders in Washington.",
     exp=[P("New Delhi", "IN", (28.6139, 77.2090), 25), P("Kathmandu", "NP", (27.7172, 85.3240), 25), P("Dhaka", "BD", (23.8103, 90.4125), 25),
          P("Colombo", "LK", (6.9271, 79.8612), 25), P("Washington", "US", DC, 25)],
     absent=[A("Narendra"), A("Modi")],
     trip=dict(stops=[S("New Delhi", (28.6139, 77.2090)), S("Kathmandu", (27.7172, 85.3240)), S("Dhaka", (23.8103, 90.4125)), S("Colombo", (6.9271, 79.8612))],
               order=True, weak=[S("Washington", DC)]))
case("10b", 10, "SEOUL — South Korea’s foreign minister will fly to Tokyo on Tuesday and then to Beijing, before heading home via Shanghai, the ministry said.",
     exp=[P("SEOUL", "KR", (37.5665, 126.9780), 25), C("South Korea", "KR"), P("Tokyo", "JP", (35.6762, 139.6503), 30),
          P("Beijing", "CN", (39.9042, 116.4074), 30), P("Shanghai", "CN", (31.2304, 121.4737), 30)],
     trip=dict(stops=[S("Tokyo", (35.6762, 139.6503)), S("Beijing", (39.9042, 116.4074)), S("Shanghai", (31.2304, 121.4737))], order=True,
               maybe=[S("Seoul", (37.5665, 126.9780))]))
case("10c", 10, "The band opened its tour in Nashville on Friday, played Memphis on Saturday and Little Rock on Sunday, before a final show in Dallas. The drummer, who grew up in Perth, said the crowds were the loudest he had heard.",
     exp=[P("Nashville", "US", (36.1627, -86.7816), 25), P("Memphis", "US", (35.1495, -90.0490), 25), P("Little Rock", "US", (34.7465, -92.2896), 25),
          P("Dallas", "US", (32.7767, -96.7970), 25)],
     opt=[O("Perth")],
     trip=dict(stops=[S("Nashville", (36.1627, -86.7816)), S("Memphis", (35.1495, -90.0490)), S("Little Rock", (34.7465, -92.2896)), S("Dallas", (32.7767, -96.7970))],
               order=True, weak=[S("Perth AU", (-31.9505, 115.8605), 100), S("Perth UK", (56.3950, -3.4308), 100)]))
case("10d", 10, "Pope Francis flew from Rome to Jakarta on Tuesday, the first stop of an 11-day trip that will take him to Port Moresby, Dili and Singapore. In Jakarta he will meet President Joko Widodo.",
     exp=[P("Rome", "IT", (41.9028, 12.4964), 25), P("Jakarta", "ID", (-6.2088, 106.8456), 30, occ=0), P("Port Moresby", "PG", (-9.4438, 147.1803), 25),
          P("Dili", "TL", (-8.5569, 125.5603), 25), P("Singapore", "SG", (1.3521, 103.8198), 30), P("Jakarta", "ID", (-6.2088, 106.8456), 30, occ=1)],
     absent=[A("Francis"), A("Joko"), A("Widodo")],
     trip=dict(stops=[S("Rome", (41.9028, 12.4964)), S("Jakarta", (-6.2088, 106.8456)), S("Port Moresby", (-9.4438, 147.1803)),
                      S("Dili", (-8.5569, 125.5603)), S("Singapore", (1.3521, 103.8198))], order=True))
case("10e", 10, "The secretary of state left Washington for Brussels on Monday for talks at NATO headquarters, then flew to Warsaw and Kyiv. Experts at the University of Chicago called the trip overdue.",
     exp=[P("Washington", "US", DC, 25), P("Brussels", "BE", (50.8503, 4.3517), 25), P("Warsaw", "PL", (52.2297, 21.0122), 25),
          P("Kyiv", "UA", (50.4501, 30.5234), 25), P("Chicago", "US", (41.8781, -87.6298), 25, in_name=True)],
     absent=[A("NATO"), A("Experts")],
     trip=dict(stops=[S("Washington", DC), S("Brussels", (50.8503, 4.3517)), S("Warsaw", (52.2297, 21.0122)), S("Kyiv", (50.4501, 30.5234))],
               order=True, forbid=[S("Chicago", (41.8781, -87.6298))]))
case("10f", 10, "Kim Jong Un’s armoured train left Pyongyang on Sunday and crossed into Russia at Khasan. It stopped in Ussuriysk before reaching Vladivostok, where Kim met Vladimir Putin on Thursday.",
     exp=[P("Pyongyang", "KP", (39.0392, 125.7625), 25), C("Russia", "RU"), P("Khasan", "RU", (42.42, 130.65), 25),
          P("Ussuriysk", "RU", (43.80, 131.95), 25), P("Vladivostok", "RU", (43.1056, 131.8735), 25)],
     absent=[A("Kim"), A("Jong"), A("Un"), A("Vladimir"), A("Putin")],
     trip=dict(stops=[S("Pyongyang", (39.0392, 125.7625)), S("Khasan", (42.42, 130.65)), S("Ussuriysk", (43.80, 131.95)), S("Vladivostok", (43.1056, 131.8735))],
               order=True))
case("10g", 10, "The candidate began the day in Paris, Texas, drove to Athens and Palestine, and ended with a rally in Tyler.",
     exp=[P("Paris", "US", (33.6609, -95.5555), 25), R("Texas", "US", TEXAS, 800), P("Athens", "US", (32.2049, -95.8555), 25),
          P("Palestine", "US", (31.7621, -95.6308), 25), P("Tyler", "US", (32.3513, -95.3011), 25)],
     trip=dict(stops=[S("Paris", (33.6609, -95.5555)), S("Athens", (32.2049, -95.8555)), S("Palestine", (31.7621, -95.6308)), S("Tyler", (32.3513, -95.3011))],
               order=True))
case("10h", 10, "Runners set off from Boston on Monday on a relay to New York, passing through Providence and Hartford. One runner wore a shirt from a marathon in Tokyo.",
     exp=[P("Boston", "US", (42.3601, -71.0589), 25), P("New York", "US", NYC, 30), P("Providence", "US", (41.8240, -71.4128), 25),
          P("Hartford", "US", (41.7658, -72.6734), 25), P("Tokyo", "JP", (35.6762, 139.6503), 30)],
     trip=dict(stops=[S("Boston", (42.3601, -71.0589)), S("New York", NYC), S("Providence", (41.8240, -71.4128)), S("Hartford", (41.7658, -72.6734))],
               order=False, weak=[S("Tokyo", (35.6762, 139.6503))]))
case("10i", 10, "The freighter left Rotterdam on March 2, called at Hamburg and Gdansk, and reached St. Petersburg a week later. Its owner, a firm registered in Panama, declined to comment.",
     exp=[P("Rotterdam", "NL", (51.9244, 4.4777), 25), P("Hamburg", "DE", (53.5511, 9.9937), 25), P("Gdansk", "PL", (54.3520, 18.6466), 25),
          P("St. Petersburg", "RU", (59.9311, 30.3609), 30), C("Panama", "PA")],
     trip=dict(stops=[S("Rotterdam", (51.9244, 4.4777)), S("Hamburg", (53.5511, 9.9937)), S("Gdansk", (54.3520, 18.6466)), S("St. Petersburg", (59.9311, 30.3609))],
               order=True, forbid=[S("Panama City", (8.98, -79.52), 300)]))

# ---------------------------------------------------------------- class 11: odd cases of my own
case("11a", 11, "MOSCOW—Russia’s central bank raised its key rate on Friday, and the ruble rallied in trading in St. Petersburg.",
     exp=[P("MOSCOW", "RU", (55.7558, 37.6173), 25), C("Russia", "RU"), P("St. Petersburg", "RU", (59.9311, 30.3609), 30)])
case("11b", 11, "Residents call the town “the Venice of the North” — though Amsterdam and Bruges both claim the title.",
     exp=[P("Amsterdam", "NL", (52.3676, 4.9041), 25), P("Bruges", "BE", (51.2093, 3.2247), 25)],
     opt=[O("Venice", "IT", (45.4408, 12.3155), 30)])
case("11c", 11, "Protests spread from São Paulo to Bogotá and Ciudad Juárez over the weekend.",
     exp=[P("São Paulo", "BR", (-23.5505, -46.6333), 30), P("Bogotá", "CO", (4.7110, -74.0721), 30), P("Ciudad Juárez", "MX", (31.6904, -106.4245), 25)])
case("11d", 11, "Texas’ governor and Oklahoma’s attorney general sued the EPA on Tuesday.",
     exp=[R("Texas", "US", TEXAS, 800), R("Oklahoma", "US", (35.6, -97.5), 500)], absent=[A("EPA")])
case("11e", 11, "Iranian-made drones struck the Ukrainian city of Odesa overnight, officials said.",
     exp=[P("Odesa", "UA", (46.4825, 30.7233), 25)], absent=[A("Iranian"), A("Ukrainian")])
case("11f", 11, "Russian missiles hit the Black Sea port of Odessa overnight, Ukraine’s air force said.",
     exp=[P("Black Sea", None, (43.4, 34.0), 700, kind=("sea",)), P("Odessa", "UA", (46.4825, 30.7233), 25), C("Ukraine", "UA")],
     absent=[A("Russian")])
case("11g", 11, "Turkey prices jumped 20 percent ahead of Thanksgiving, farmers in Iowa said, blaming a bird flu that has hit turkey flocks across the Midwest.",
     exp=[R("Iowa", "US", (42.0, -93.5), 500), P("Midwest", "US", (41.5, -90.0), 1000)], absent=[A("Turkey"), A("Thanksgiving")])
case("11h", 11, "He signed his jersey for fans in Jersey City before flying to the island of Jersey for a charity match.",
     exp=[P("Jersey City", "US", (40.7178, -74.0431), 20), P("Jersey", "JE", (49.2144, -2.1312), 25, occ=1)])
case("11i", 11, "FLOODS HIT TEXAS AND OKLAHOMA\nHeavy rain sent rivers over their banks on Sunday, and the Red River rose to its highest level since 2015.",
     exp=[R("TEXAS", "US", TEXAS, 800), R("OKLAHOMA", "US", (35.6, -97.5), 500), P("Red River", "US", (33.8, -96.5), 500, kind=("river",))],
     absent=[A("FLOODS"), A("HIT"), A("AND")])
case("11j", 11, "Militants attacked a pipeline in the Niger Delta, Nigeria’s oil ministry said.",
     exp=[P("Niger Delta", "NG", (5.3, 6.4), 250), C("Nigeria", "NG")])
case("11k", 11, "Refugees crossed from the Democratic Republic of Congo into Uganda at the Bunagana border post.",
     exp=[C("Democratic Republic of Congo", "CD", alts=["Congo", "Democratic Republic of the Congo"]), C("Uganda", "UG"),
          P("Bunagana", None, (-1.28, 29.60), 30)])
case("11l", 11, "Georgia’s parliament passed the foreign agents law despite weeks of protests, drawing criticism from Brussels and Washington.",
     exp=[C("Georgia", "GE"), P("Brussels", "BE", (50.8503, 4.3517), 25), P("Washington", "US", DC, 25)])
case("11m", 11, "Nice weather drew crowds to the beaches of Nice on Sunday, and the promenade was closed to traffic.",
     exp=[P("Nice", "FR", (43.7102, 7.2620), 25, occ=1)], absent=[A("Nice", occ=0)])
case("11n", 11, "Reading is popular in winter, librarians in Reading, Pennsylvania, said.",
     exp=[P("Reading", "US", (40.3356, -75.9269), 25, occ=1), R("Pennsylvania", "US", (40.9, -77.8), 400)], absent=[A("Reading", occ=0)])
case("11o", 11, "The touring company will perform in Stratford-upon-Avon in June and in Wilkes-Barre, Pa., in September.",
     exp=[P("Stratford-upon-Avon", "GB", (52.1917, -1.7083), 25), P("Wilkes-Barre", "US", (41.2459, -75.8813), 25), R("Pa.", "US", (40.9, -77.8), 400)])
case("11p", 11, "Aurora, 40 miles west of Chicago, will open a new train station in 2027.",
     exp=[P("Aurora", "US", (41.7606, -88.3201), 25), P("Chicago", "US", (41.8781, -87.6298), 25)],
     note="claim expected: stated 40 miles (64 km) west; geodesic ~58 km WSW; no direction disagreement")
case("11q", 11, "Joliet, 30 miles north of Chicago, reported record snowfall.",
     exp=[P("Joliet", "US", (41.5250, -88.0817), 25), P("Chicago", "US", (41.8781, -87.6298), 25)],
     note="claim expected: stated north, Joliet is SW of Chicago -> direction disagreement reported")
case("11r", 11, "The sign read “Київ” in Cyrillic, with Kyiv written underneath in Latin letters.",
     exp=[P("Kyiv", "UA", (50.4501, 30.5234), 25)], opt=[O("Київ", "UA", (50.4501, 30.5234), 25)], absent=[A("Cyrillic"), A("Latin")])
case("11s", 11, "Officials in Portland, Maine, said the ferry to Halifax, Nova Scotia, would resume in May.",
     exp=[P("Portland", "US", (43.6591, -70.2568), 25), R("Maine", "US", (45.3, -69.2), 400), P("Halifax", "CA", (44.6488, -63.5752), 25),
          R("Nova Scotia", "CA", (45.0, -63.0), 400)])
case("11t", 11, "In Victoria, the premier of British Columbia announced new rules, while in Melbourne the Victoria state government did the same.",
     exp=[P("Victoria", "CA", (48.4284, -123.3656), 25, occ=0), R("British Columbia", "CA", (53.7, -127.6), 1000),
          P("Melbourne", "AU", (-37.8136, 144.9631), 30), P("Victoria", "AU", (-37.0, 144.5), 500, occ=1, in_name=None, kind=("region",))])
