// Block 28c of the table in ../t2s.js.
export const T2S = "𨰃𫔉𨰋𫓳𨰥𫔕𨰲𫔃𨲳𫔖𨳑𨸁𨳕𨸀";
