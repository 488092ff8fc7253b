import CorridorTestSupport
import Foundation
@testable import Reports
import Testing

@Suite("Reports: the basemap, Mercator projection and sea lanes under the maps")
struct BasemapTests {
    /// Land or sea at a point, from the half-degree mask the sea lanes are routed on.
    func isLand(_ lon: Double, _ lat: Double) throws -> Bool {
        let at = try #require(SeaLanes.index((lon, lat)))
        return SeaLanes.land[at.row * SeaLanes.columns + at.column]
    }

    @Test("The vendored Natural Earth rings decode to land where land is and sea where the seas are")
    func landAndSea() throws {
        #expect(Basemap.rings.count > 100)
        #expect(Basemap.rings.allSatisfy { $0.count >= 4 })
        // Land: the Kazakh steppe, central Anatolia, the Sahara, Sichuan, Poland.
        for (lon, lat) in [(68.0, 48.0), (33.0, 39.0), (10.0, 25.0), (104.0, 30.5), (19.5, 52.0)] {
            #expect(try isLand(lon, lat), "(\(lon), \(lat)) is land")
        }
        // Sea: the Caspian, the Black Sea, the Mediterranean, the Red Sea, the Arabian Sea, the South China Sea.
        for (lon, lat) in [(51.0, 42.0), (34.0, 43.5), (18.0, 35.0), (38.5, 20.0), (63.0, 15.0), (113.0, 15.0)] {
            #expect(try !isLand(lon, lat), "(\(lon), \(lat)) is sea")
        }
    }

    @Test("Mercator: northings, logarithm and sine checked by hand")
    func mercator() {
        // ln(10) and sin(30°).
        #expect(abs(MapProjection.logarithm(10) - 2.302_585_093) < 1e-9)
        #expect(abs(MapProjection.logarithm(0.25) + 1.386_294_361) < 1e-9)
        #expect(abs(MapProjection.sine(.pi / 6) - 0.5) < 1e-12)
        // atanh(sin 60°) = ln(tan 75°) = 1.316958 rad = 75.4561°; the equator is 0; symmetric.
        #expect(abs(MapProjection.mercator(60) - 75.456_1) < 1e-3)
        #expect(MapProjection.mercator(0) == 0)
        #expect(abs(MapProjection.mercator(-45) + MapProjection.mercator(45)) < 1e-12)
        // Shapes are true: one degree north at 60°N is 2 (= 1 / cos 60°) degrees east long on the map.
        let p = MapProjection(points: [(0, 0), (40, 70)], width: 400, margin: 0)
        let a = p.project(lon: 10, lat: 60)
        let b = p.project(lon: 10, lat: 60.01)
        let c = p.project(lon: 10.01, lat: 60)
        #expect(abs((a.y - b.y) / (c.x - a.x) - 2) < 1e-3)
    }

    @Test("Sea lanes: Singapore to Port Said runs past Sri Lanka and up the Red Sea, never over India or Arabia")
    func singaporeToSuez() throws {
        let route = SeaLanes.route(from: (103.8, 1.3), to: (32.3, 31.3))
        #expect(route.count > 2, "the straight line crosses land, so the route bends")
        #expect(route.first! == (103.8, 1.3) && route.last! == (32.3, 31.3))
        var inRedSea = false
        for (a, b) in zip(route, route.dropFirst()) {
            for step in 0...20 {
                let t = Double(step) / 20
                let (lon, lat) = (a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t)
                #expect(!(lon > 74 && lon < 80 && lat > 10 && lat < 25), "over India at (\(lon), \(lat))")
                #expect(!(lon > 44 && lon < 55 && lat > 17 && lat < 27), "over Arabia at (\(lon), \(lat))")
                if lon > 34 && lon < 42 && lat > 14 && lat < 26 { inRedSea = true }
            }
        }
        #expect(inRedSea)
    }

    @Test("Sea lanes: a crossing at sea stays straight; routes are the same each time")
    func straightAndStable() {
        // Aktau to Alat across the Caspian.
        #expect(SeaLanes.route(from: (51.17, 43.65), to: (49.41, 39.93)).count == 2)
        let once = SeaLanes.route(from: (121.5, 31.2), to: (4.1, 51.9))
        let again = SeaLanes.route(from: (121.5, 31.2), to: (4.1, 51.9))
        #expect(once.count == again.count && zip(once, again).allSatisfy { $0 == $1 })
    }

    @Test("Every map draws the land under the links and credits Natural Earth")
    func mapsCarryTheBasemap() throws {
        let r = try ReportFixtures.base()
        let svg = SVGMap.render(r, title: "t")
        let land = try #require(svg.range(of: "class=\"land\""))
        let links = try #require(svg.range(of: "class=\"links"))
        #expect(land.lowerBound < links.lowerBound, "land first, links over it")
        #expect(svg.contains(Basemap.attribution))
        #expect(SVGLinkCollector.collect(svg).error == nil)
    }
}
