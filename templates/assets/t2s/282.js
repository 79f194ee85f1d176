// Block 282 of the table in ../t2s.js.
export const T2S = "𨈊𨂺𨈌𨄄𨊰䢀𨊸䢁𨊻𨐆𨋢䢂";
