// Block 62 of the table in ../t2s.js.
export const T2S = "戀恋戇戆戔戋戧戗戩戬戰战戱戯戲戏戶户拋抛";
