// Block 283 of the table in ../t2s.js.
export const T2S = "𨌈𫐍𨍰𫐔𨎌𫐋𨎮𨐉𨏠𨐇𨏥𨐊";
