// Block 82 of the table in ../t2s.js.
export const T2S = "與与興兴舉举舊旧舘馆艙舱艣𫇛艤舣艦舰艫舻艱艰艷艳芻刍苧苎";
