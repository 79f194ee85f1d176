// Block 80 of the table in ../t2s.js.
export const T2S = "耬耧耮耢聖圣聞闻聯联聰聪聲声聳耸聵聩聶聂職职聹聍聻𫆏聽听聾聋肅肃";
