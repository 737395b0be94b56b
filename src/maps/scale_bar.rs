//! The scale bar: a round distance (1, 2 or 5 times a power of ten kilometres) about a
//! quarter of the map wide.

use serde::Serialize;

use super::projection::Projection;

/// A scale bar as drawn: the template writes its unit.
#[derive(Debug, Clone, Serialize)]
pub struct ScaleBar {
    /// Left end of the bar.
    pub x: f64,
    /// The bar's baseline.
    pub y: f64,
    /// Its length in SVG units.
    pub length: f64,
    /// The distance it stands for, in kilometres.
    pub km: f64,
    /// The same, written as readers read it ("50", "0.5").
    pub km_text: String,
}

/// Beyond this many degrees of latitude, distances across the map vary too much with
/// latitude for one bar to tell them.
const MAX_LAT_SPAN: f64 = 25.0;

/// The bar for a map `width` units wide showing `lat_span` degrees; `None` on maps too
/// large for one bar to be true.
pub fn scale_bar(projection: &Projection, width: f64, lat_span: f64) -> Option<ScaleBar> {
    if lat_span > MAX_LAT_SPAN {
        return None;
    }
    let per_km = projection.units_per_km();
    let target = width / 4.0 / per_km;
    let power = 10f64.powf(target.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&km| km <= target * 1.3)
        .unwrap_or(power);
    Some(ScaleBar {
        x: 0.0,
        y: 0.0,
        length: super::labels::round(km * per_km),
        km,
        km_text: format!("{km}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maps::geo::{Extent, Rect};

    #[test]
    fn bars_are_round_and_about_a_quarter_wide() {
        let extent = Extent {
            west: 45.5,
            south: 39.2,
            east: 47.5,
            north: 40.4,
        };
        let projection = Projection::fit(&extent, &Rect::new(0.0, 0.0, 400.0, 300.0));
        let bar = scale_bar(&projection, 400.0, 1.2).unwrap();
        assert_eq!(bar.km_text, "50");
        assert!(bar.length > 70.0 && bar.length <= 130.0, "{bar:?}");
        assert!(scale_bar(&projection, 400.0, 60.0).is_none());
    }
}
