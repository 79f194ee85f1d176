// Block 298 of the table in ../t2s.js.
export const T2S = "𩠴𩠠𩡣𩡖𩡺𩧦𩢡𩧬𩢴𩧵𩢸𩧳𩢾𩧮𩣏𩧶𩣑䯃𩣫𩧸𩣵𩧻𩣺𩧼";
