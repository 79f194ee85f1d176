// Block 28d of the table in ../t2s.js.
export const T2S = "𨴗𨸅𨴹𫔲𨵩𨸆𨵸𨸇𨶀𨸉𨶏𨸊𨶮𨸌𨶲𨸋𨷲𨸎";
