/// Which implementation of the GeoPolRisk method to follow.
public enum GeoPolRiskMethod: String, CaseIterable, Hashable, Sendable, Codable {
    /// The default: the published method (Koyamparambath et al.) with four defects of the
    /// reference implementation corrected:
    /// 1. production in "Mio m3" (natural gas) is converted to tonnes (0.8 kg/m³, 800 t per
    ///    million m³) — geopolrisk-py's conversion branch can never run, so it mixes m³ and t;
    /// 2. production enters the HHI as published — geopolrisk-py truncates it to whole units
    ///    (`astype(int)`), which distorts small series such as germanium or rhodium;
    /// 3. the unit price uses only flows that report a quantity — geopolrisk-py adds the value of
    ///    flows without quantity to the numerator but not their tonnes to the denominator;
    /// 4. a governance score whose source row lacks a numeric code (Taiwan) is matched by ISO3 —
    ///    geopolrisk-py misses it and falls back to 0.5.
    case lodestone
    /// geopolrisk-py 2.0.1 as published on PyPI, defects included, for parity and LCA studies
    /// that must match characterisation factors computed with it.
    case geopolriskPy = "geopolrisk-py-2.0.1"
}
