// Block 67 of the table in ../t2s.js.
export const T2S = "會会朥𦛨朧胧朮术東东枴拐柵栅柺拐査查";
