// Block 48 of the table in ../t2s.js.
export const T2S = "䠆𫏃䠱𨅛䡐𫟤䡩𫟥䡵𫟦䢨𨑹";
