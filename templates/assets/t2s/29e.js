// Block 29e of the table in ../t2s.js.
export const T2S = "𩸃𩾅𩸄𫚝𩸡𫚟𩸦𩾆𩻗𫚨𩻬𫚩𩻮𫚘";
