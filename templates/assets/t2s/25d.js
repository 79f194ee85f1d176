// Block 25d of the table in ../t2s.js.
export const T2S = "𥴨𫂖𥴼𫁺𥵃𥱔𥵊𥭉𥶽𫁱";
