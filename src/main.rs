fn main() {
    stance_matrix::start();
}
