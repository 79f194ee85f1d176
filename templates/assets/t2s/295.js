// Block 295 of the table in ../t2s.js.
export const T2S = "𩔑𫖷𩔳𫖴𩖰𫠇𩗀𩙦𩗓𫗈𩗴𫗉";
