/// Element and product names that stand for a stage without being its name: what analysts type
/// ("dysprosium", "NdPr", "NdFeB", "lithium hydroxide"). Keys are matched as `NameKey`s.
///
/// A product the bundled data have no stage for answers with where to look instead, never with
/// a stage that is not it (synthetic graphite is not natural graphite).
enum CommodityAliases {
    static let stageByName: [String: String] = [
        // Heavy rare earths travel inside the rare-earth compound codes (heavy-rare-earth:refined).
        "dysprosium": "heavy-rare-earth:refined", "terbium": "heavy-rare-earth:refined", "dy": "heavy-rare-earth:refined",
        "tb": "heavy-rare-earth:refined", "dysprosium oxide": "heavy-rare-earth:refined", "terbium oxide": "heavy-rare-earth:refined",
        "heavy rare earths": "heavy-rare-earth:refined", "hree": "heavy-rare-earth:refined",
        // Light rare earths: separated oxides and metals are the compounds-and-metals stage.
        "neodymium": "rare-earth:refined", "praseodymium": "rare-earth:refined", "ndpr": "rare-earth:refined",
        "ndpr oxide": "rare-earth:refined", "nd": "rare-earth:refined", "pr": "rare-earth:refined", "samarium": "rare-earth:refined",
        "sm": "rare-earth:refined", "lanthanum": "rare-earth:refined", "cerium": "rare-earth:refined", "yttrium": "rare-earth:refined",
        "europium": "rare-earth:refined", "gadolinium": "rare-earth:refined", "rare earth oxides": "rare-earth:refined",
        // The other elements of China's April and October 2025 controls: HS 2805.30 and 2846 hold
        // scandium and yttrium with the rare-earth metals and compounds.
        "scandium": "rare-earth:refined", "lutetium": "rare-earth:refined", "holmium": "rare-earth:refined",
        "erbium": "rare-earth:refined", "thulium": "rare-earth:refined", "ytterbium": "rare-earth:refined",
        "rare earth concentrate": "rare-earth:mine", "bastnaesite": "rare-earth:mine", "monazite": "rare-earth:mine",
        // Magnets.
        "ndfeb": "rare-earth:component", "ndfeb magnets": "rare-earth:component", "neodymium magnets": "rare-earth:component",
        "permanent magnets": "rare-earth:component", "magnets": "rare-earth:component", "rare earth magnets": "rare-earth:component",
        "smco": "rare-earth:component",
        // Chemicals and metals by their trade names.
        "lithium carbonate": "lithium:refined", "lithium hydroxide": "lithium:refined", "lithium chemicals": "lithium:refined",
        "copper cathode": "copper:refined", "refined copper": "copper:refined", "cobalt metal": "cobalt:metal",
        "cobalt oxide": "cobalt:refined", "cobalt oxides": "cobalt:refined", "nickel metal": "nickel:metal", "class 1 nickel": "nickel:metal",
        "tungsten metal": "tungsten:metal", "tungsten powder": "tungsten:metal", "tungsten concentrate": "tungsten:mine",
        "apt": "tungsten:refined", "ammonium paratungstate": "tungsten:refined", "tungsten carbide": "tungsten:refined",
        "ferrotungsten": "tungsten:refined", "tungsten oxide": "tungsten:refined", "refined tin": "tin:refined", "tin metal": "tin:refined",
        "antimony metal": "antimony:metal", "antimony ore": "antimony:mine", "gallium metal": "gallium:refined",
        "germanium metal": "germanium:refined", "silicon metal": "silicon:metal", "titanium sponge": "titanium:metal",
        "magnesium metal": "magnesium:metal", "ferroniobium": "niobium:metal", "ferrovanadium": "vanadium:metal",
        "natural graphite": "graphite:mine", "flake graphite": "graphite:mine", "spherical graphite": "graphite:mine",
        "manganese ore": "manganese:mine", "chromium ore": "chromite:mine", "chrome ore": "chromite:mine",
    ]

    /// Products with no stage in the bundled data, and what to say instead.
    static let missing: [String: String] = [
        "synthetic graphite": "graphite:mine is natural graphite; synthetic graphite (HS 380110) is not in the bundled trade data",
        "artificial graphite": "graphite:mine is natural graphite; synthetic graphite (HS 380110) is not in the bundled trade data",
        "antimony oxide": "antimony:metal; antimony oxides (HS 282580) are not in the bundled trade data",
        "cobalt hydroxide": "cobalt:refined or cobalt:metal; cobalt hydroxide intermediates are not in the bundled trade data",
        "spodumene": "lithium:refined; spodumene concentrate (HS 253090) is not in the bundled trade data",
        "cobalt sulfate": "cobalt:refined (oxides and hydroxides, HS 282200) or cobalt:metal; cobalt sulphate (in HS 283329, a basket of metal sulphates) is not in the bundled trade data",
        "cobalt sulphate": "cobalt:refined (oxides and hydroxides, HS 282200) or cobalt:metal; cobalt sulphate (in HS 283329, a basket of metal sulphates) is not in the bundled trade data",
        "nickel sulfate": "nickel:metal; nickel sulphate (HS 283324) is not in the bundled trade data",
        "nickel sulphate": "nickel:metal; nickel sulphate (HS 283324) is not in the bundled trade data",
        "manganese sulfate": "manganese:mine; manganese sulphate (in HS 283329, a basket of metal sulphates) is not in the bundled trade data",
        "manganese sulphate": "manganese:mine; manganese sulphate (in HS 283329, a basket of metal sulphates) is not in the bundled trade data",
        "polysilicon": "silicon:metal is silicon below 99.99 % Si (HS 280469); polysilicon (in HS 280461, silicon of at least 99.99 %) is not in the bundled trade data",
        "germanium dioxide": "germanium:refined is unwrought germanium; germanium dioxide (in HS 282560, with zirconium dioxide) is not in the bundled trade data",
        "gallium arsenide": "gallium:refined is unwrought gallium; gallium arsenide (in HS 285390, or as doped wafers in HS 381800, mostly silicon) is not in the bundled trade data",
        "pgms": "the platinum-group metals are one stage each: platinum:metal, palladium:metal, rhodium:metal",
        "pgm": "the platinum-group metals are one stage each: platinum:metal, palladium:metal, rhodium:metal",
        "platinum group metals": "the platinum-group metals are one stage each: platinum:metal, palladium:metal, rhodium:metal",
    ]

    /// Element and mineral names in Japanese and Arabic → family id (its default stage), or a
    /// stage id where the name is an element that has its own stage.
    static let localNames: [String: String] = [
        "ガリウム": "gallium", "الغاليوم": "gallium", "غاليوم": "gallium", "الجاليوم": "gallium",
        "ゲルマニウム": "germanium", "الجرمانيوم": "germanium", "جرمانيوم": "germanium",
        "レアアース": "rare-earth", "希土類": "rare-earth", "العناصر الأرضية النادرة": "rare-earth", "المعادن الأرضية النادرة": "rare-earth",
        "ネオジム": "rare-earth:refined", "ネオジウム": "rare-earth:refined", "プラセオジム": "rare-earth:refined", "サマリウム": "rare-earth:refined",
        "النيوديميوم": "rare-earth:refined", "نيوديميوم": "rare-earth:refined", "البراسيوديميوم": "rare-earth:refined", "الساماريوم": "rare-earth:refined",
        "ジスプロシウム": "heavy-rare-earth:refined", "テルビウム": "heavy-rare-earth:refined", "重希土類": "heavy-rare-earth:refined",
        "الديسبروسيوم": "heavy-rare-earth:refined", "ديسبروسيوم": "heavy-rare-earth:refined", "التيربيوم": "heavy-rare-earth:refined",
        "ネオジム磁石": "rare-earth:component", "永久磁石": "rare-earth:component", "المغناطيس الدائم": "rare-earth:component",
        "黒鉛": "graphite", "グラファイト": "graphite", "الجرافيت": "graphite", "الغرافيت": "graphite",
        "アンチモン": "antimony", "الأنتيمون": "antimony", "タングステン": "tungsten", "التنغستن": "tungsten", "التنجستن": "tungsten",
        "リチウム": "lithium", "الليثيوم": "lithium", "ニッケル": "nickel", "النيكل": "nickel", "コバルト": "cobalt", "الكوبالت": "cobalt",
        "銅": "copper", "النحاس": "copper", "スズ": "tin", "錫": "tin", "القصدير": "tin", "インジウム": "indium", "الإنديوم": "indium",
        "ビスマス": "bismuth", "البزموت": "bismuth", "マグネシウム": "magnesium", "المغنيسيوم": "magnesium", "マンガン": "manganese", "المنغنيز": "manganese",
        "ニオブ": "niobium", "النيوبيوم": "niobium", "タンタル": "tantalum", "التنتالوم": "tantalum", "チタン": "titanium", "التيتانيوم": "titanium",
        "バナジウム": "vanadium", "الفاناديوم": "vanadium", "モリブデン": "molybdenum", "الموليبدينوم": "molybdenum", "クロム": "chromite", "الكروم": "chromite",
        "白金": "platinum", "プラチナ": "platinum", "البلاتين": "platinum", "パラジウム": "palladium", "البلاديوم": "palladium",
        "ロジウム": "rhodium", "الروديوم": "rhodium", "レニウム": "rhenium", "الرينيوم": "rhenium", "テルル": "tellurium", "التيلوريوم": "tellurium",
        "ウラン": "uranium", "اليورانيوم": "uranium", "アルミニウム": "aluminium", "الألومنيوم": "aluminium", "亜鉛": "zinc", "الزنك": "zinc",
        "鉛": "lead", "الرصاص": "lead", "ケイ素": "silicon", "シリコン": "silicon", "السيليكون": "silicon", "ジルコニウム": "zirconium", "الزركونيوم": "zirconium",
        "ベリリウム": "beryllium", "البريليوم": "beryllium", "ヒ素": "arsenic", "الزرنيخ": "arsenic", "蛍石": "fluorspar", "الفلوريت": "fluorspar",
        "鉄鉱石": "iron", "خام الحديد": "iron", "ボーキサイト": "bauxite", "البوكسيت": "bauxite", "ハフニウム": "hafnium", "الهافنيوم": "hafnium",
    ]

    /// How reports name a family in Japanese and Arabic (language → family id → name), and the
    /// stage words shown after it.
    static let familyDisplay: [String: [String: String]] = [
        "ja": ["gallium": "ガリウム", "germanium": "ゲルマニウム", "rare-earth": "レアアース", "heavy-rare-earth": "重希土類",
               "graphite": "黒鉛", "antimony": "アンチモン", "tungsten": "タングステン", "lithium": "リチウム", "nickel": "ニッケル",
               "cobalt": "コバルト", "copper": "銅", "tin": "スズ", "indium": "インジウム", "bismuth": "ビスマス", "magnesium": "マグネシウム",
               "manganese": "マンガン", "niobium": "ニオブ", "tantalum": "タンタル", "titanium": "チタン", "vanadium": "バナジウム",
               "molybdenum": "モリブデン", "chromite": "クロム", "platinum": "白金", "palladium": "パラジウム", "rhodium": "ロジウム",
               "rhenium": "レニウム", "tellurium": "テルル", "uranium": "ウラン", "aluminium": "アルミニウム", "zinc": "亜鉛", "lead": "鉛",
               "silicon": "ケイ素", "zirconium": "ジルコニウム", "beryllium": "ベリリウム", "arsenic": "ヒ素", "fluorspar": "蛍石",
               "iron": "鉄鉱石", "bauxite": "ボーキサイト", "hafnium": "ハフニウム", "gold": "金", "silver": "銀", "selenium": "セレン",
               "cadmium": "カドミウム", "boron": "ホウ素", "phosphate": "リン鉱石", "potash": "カリ", "baryte": "重晶石", "magnesite": "マグネサイト"],
        "ar": ["gallium": "الغاليوم", "germanium": "الجرمانيوم", "rare-earth": "العناصر الأرضية النادرة", "heavy-rare-earth": "العناصر الأرضية النادرة الثقيلة",
               "graphite": "الغرافيت", "antimony": "الأنتيمون", "tungsten": "التنغستن", "lithium": "الليثيوم", "nickel": "النيكل",
               "cobalt": "الكوبالت", "copper": "النحاس", "tin": "القصدير", "indium": "الإنديوم", "bismuth": "البزموت", "magnesium": "المغنيسيوم",
               "manganese": "المنغنيز", "niobium": "النيوبيوم", "tantalum": "التنتالوم", "titanium": "التيتانيوم", "vanadium": "الفاناديوم",
               "molybdenum": "الموليبدينوم", "chromite": "الكروم", "platinum": "البلاتين", "palladium": "البلاديوم", "rhodium": "الروديوم",
               "rhenium": "الرينيوم", "tellurium": "التيلوريوم", "uranium": "اليورانيوم", "aluminium": "الألومنيوم", "zinc": "الزنك", "lead": "الرصاص",
               "silicon": "السيليكون", "zirconium": "الزركونيوم", "beryllium": "البريليوم", "arsenic": "الزرنيخ", "fluorspar": "الفلوريت",
               "iron": "خام الحديد", "bauxite": "البوكسيت", "hafnium": "الهافنيوم", "gold": "الذهب", "silver": "الفضة", "selenium": "السيلينيوم",
               "cadmium": "الكادميوم", "boron": "البورون", "phosphate": "الفوسفات", "potash": "البوتاس", "baryte": "الباريت", "magnesite": "المغنسيت"],
    ]
    static let stageDisplay: [String: [String: String]] = [
        "ja": ["mine": "鉱石", "refined": "精製品", "metal": "金属", "component": "磁石・部材"],
        "ar": ["mine": "خام", "refined": "مكرر", "metal": "فلز", "component": "مكونات"],
    ]
}
