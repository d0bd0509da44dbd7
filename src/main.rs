fn main() {
    stance_matrix::browser::start::start();
}
