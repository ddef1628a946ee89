// Synthesised into fsm.blif with Yosys 0.23:
//   yosys -p 'read_verilog fsm.v; synth -top fsm; abc -g AND,NAND,OR,NOR,XOR,XNOR,ANDNOT,ORNOT; opt_clean; write_blif fsm.blif'
// A Mealy machine that finds 1011 in a serial bit stream (overlaps allowed): found is 1 in the cycle
// whose bit completes the pattern.
module fsm(input clk, input bit_in, output found, output [1:0] state);
    reg [1:0] s = 2'd0;   // how much of 1011 has been seen: 0 nothing, 1 "1", 2 "10", 3 "101"
    always @(posedge clk)
        case (s)
            2'd0: s <= bit_in ? 2'd1 : 2'd0;
            2'd1: s <= bit_in ? 2'd1 : 2'd2;
            2'd2: s <= bit_in ? 2'd3 : 2'd0;
            2'd3: s <= bit_in ? 2'd1 : 2'd2;
        endcase
    assign found = s == 2'd3 && bit_in;
    assign state = s;
endmodule
