//! temp stub
pub struct ChartOptions {
    pub width: u32,
    pub height: u32,
    pub svg: bool,
}
pub fn render_all(
    _a: &crate::analysis::Analysis,
    _o: &ChartOptions,
) -> Result<Vec<super::OutputFile>, String> {
    Ok(vec![])
}
