// Block 288 of the table in ../t2s.js.
export const T2S = "𨢿𨡙𨣈𨡺𨣞𨟳𨣧𨠨";
