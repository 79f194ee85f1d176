// Block 294 of the table in ../t2s.js.
export const T2S = "𩑔𫖪𩒎𫖭𩓣𩖕𩓥𫖵";
