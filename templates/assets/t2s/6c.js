// Block 6c of the table in ../t2s.js.
export const T2S = "氂牦氈毡氌氇氣气氫氢氬氩氭𣱝氳氲氾泛汎泛汙污決决沒没沖冲況况泝溯";
